namespace Conformance.Harness.Running;

/// <summary>How a scenario or step ended.</summary>
public enum Outcome
{
    Passed,
    /// <summary>The module did not behave as the manual says (or, with <c>--strict</c>, deviated from its forms).</summary>
    Failed,
    /// <summary>The target cannot provide what the scenario needs.</summary>
    Skipped,
    /// <summary>The run could not go on: the link went away, a replayed trace diverged.</summary>
    Error,
    /// <summary>Not reached because the run ended early.</summary>
    NotRun,
}
