namespace Conformance.Harness.Running;

/// <summary>A farm run: every module in the order given, and the scenarios each was asked to run.</summary>
public sealed record FarmReport(DateTimeOffset Started, TimeSpan Duration, IReadOnlyList<SelectedScenario> Scenarios, IReadOnlyList<ModuleResult> Modules)
{
    public bool AllPassed => Modules.All(m => m.Passed);
}
