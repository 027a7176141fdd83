namespace Conformance.Protocol.Commands;

/// <summary><c>AT</c>: is the module alive (manual §4.1).</summary>
public sealed record Attention : AtCommand
{
    public override string Name => "";
    public override string Section => "4.1";
    public override string Format() => Action();
}
