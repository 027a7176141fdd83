namespace Conformance.Harness.Running;

/// <summary>One module of a farm: the name its trace, JUnit suite and matrix column go by, and its <c>--target</c> text.</summary>
public sealed record FarmModule(string Name, string Target)
{
    public override string ToString() => $"{Name} ({Target})";
}
