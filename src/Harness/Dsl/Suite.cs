namespace Conformance.Harness.Dsl;

/// <summary>A set of scenarios for one area of the manual; a public subclass with a parameterless constructor is found by the catalog.</summary>
public abstract class Suite
{
    /// <summary>How <c>--suite</c> names it: the class name without <c>Suite</c>.</summary>
    public virtual string Name => GetType().Name.EndsWith("Suite", StringComparison.Ordinal) ? GetType().Name[..^5] : GetType().Name;

    /// <summary>Builds the scenarios afresh (captured packet ids live in them) for the given parameters.</summary>
    public abstract IEnumerable<Scenario> Scenarios(SuiteParameters p);

    protected static Scenario Scenario(string title) => new(title);
}
