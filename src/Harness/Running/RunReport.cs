namespace Conformance.Harness.Running;

/// <summary>The outcome of a run: every scenario selected, and why the run ended early if it did.</summary>
public sealed record RunReport(string Target, DateTimeOffset Started, TimeSpan Duration, IReadOnlyList<ScenarioResult> Scenarios, string? Aborted)
{
    public bool AllPassed => Aborted is null && Scenarios.All(s => s.Outcome is Outcome.Passed or Outcome.Skipped);

    public int Count(Outcome outcome) => Scenarios.Count(s => s.Outcome == outcome);
}
