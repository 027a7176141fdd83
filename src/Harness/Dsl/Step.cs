namespace Conformance.Harness.Dsl;

/// <summary>One step of a scenario: what it checks, against which manual section, how long it may take.</summary>
public abstract class Step
{
    /// <summary>The manual section the step checks, e.g. <c>1.4</c>.</summary>
    public string Section { get; internal set; } = "";

    /// <summary>What the step does, as the report shows it: <c>expect OK</c>.</summary>
    public abstract string Description { get; }

    /// <summary>Runs the step; throws <see cref="StepFailedException"/> when the module does not conform.</summary>
    internal abstract Task RunAsync(ScenarioContext context, CancellationToken cancel);
}
