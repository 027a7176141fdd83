using Conformance.Harness.Running;

namespace Conformance.Harness.Reports;

/// <summary>
/// Saves the report so far with <paramref name="save"/> each time the run progresses, so a run killed mid-way (SIGKILL,
/// power loss) leaves a report of how far it got beside its trace, not the last run's; passes the rest on to <paramref name="inner"/>.
/// </summary>
public sealed class SavedProgress(IRunObserver inner, Action<RunReport> save) : IRunObserver
{
    public void ScenarioStarted(string suite, string title) => inner.ScenarioStarted(suite, title);

    public void StepFinished(StepResult step) => inner.StepFinished(step);

    public void ScenarioFinished(ScenarioResult result) => inner.ScenarioFinished(result);

    public void RunProgressed(RunReport soFar)
    {
        inner.RunProgressed(soFar);
        // A failing write is not the run's end: the final report is written, or its error told, when the run ends.
        try { save(soFar); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
