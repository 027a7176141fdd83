namespace Conformance.Harness.Reports;

/// <summary>What one module did with one scenario, as the farm matrix shows it.</summary>
public enum Verdict
{
    Passed,
    /// <summary>Passed, with deviations from the manual's canonical forms.</summary>
    Finding,
    Failed,
    Skipped,
    /// <summary>The run could not go on (the link went away) or never started for this module.</summary>
    Error,
    NotRun,
}
