using Conformance.Harness.Dsl;

namespace Conformance.Harness.Running;

/// <summary>A scenario picked for a run, with the suite it belongs to.</summary>
public sealed record SelectedScenario(string Suite, Scenario Scenario)
{
    public override string ToString() => $"{Suite}: {Scenario.Title}";
}
