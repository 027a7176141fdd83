namespace Conformance.Harness.Running;

/// <summary>Hears about a run as it goes, for live progress.</summary>
public interface IRunObserver
{
    void ScenarioStarted(string suite, string title);

    void StepFinished(StepResult step);

    void ScenarioFinished(ScenarioResult result);

    /// <summary>
    /// The report so far, once the link is open and after every scenario: the scenarios not run yet are
    /// <see cref="Outcome.NotRun"/>, for <see cref="RunOptions.Unfinished"/>. Saved, it is what a run killed mid-way leaves.
    /// </summary>
    void RunProgressed(RunReport soFar) { }
}
