namespace Conformance.Harness.Running;

/// <summary>One step as it ran: what it checked, how it ended, how long it took.</summary>
public sealed record StepResult(string Section, string Description, Outcome Outcome, TimeSpan Duration, string? Message);
