namespace Conformance.Harness.Running;

/// <summary>
/// One module's part of a farm run: what it said it is and how its run went, or why it could not run
/// (<see cref="Error"/>: a port that cannot be opened, a module that went away before the suites started), and
/// where its trace is (<see cref="TracePath"/>, null when none could be written).
/// </summary>
public sealed record ModuleResult(FarmModule Module, FirmwareIdentity Identity, RunReport? Report, string? Error, string? TracePath)
{
    /// <summary>Every scenario passed or was skipped, and the run was neither cut short nor unable to start.</summary>
    public bool Passed => Error is null && Report is { AllPassed: true };

    /// <summary>What went wrong with the module as a whole, or null: the error, else the reason its run was cut short.</summary>
    public string? Problem => Error ?? Report?.Aborted;
}
