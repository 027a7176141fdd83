namespace Conformance.Harness.Running;

/// <summary>Hears about a run as it goes, for live progress.</summary>
public interface IRunObserver
{
    void ScenarioStarted(string suite, string title);

    void StepFinished(StepResult step);

    void ScenarioFinished(ScenarioResult result);
}
