using Conformance.Harness.Dsl;

namespace Conformance.Harness.Running;

/// <summary>One scenario as it ran; <see cref="Message"/> says why it did not pass.</summary>
public sealed record ScenarioResult(
    string Suite, string Section, string Name, Outcome Outcome, TimeSpan Duration, string? Message,
    IReadOnlyList<StepResult> Steps, IReadOnlyList<Finding> Findings)
{
    public string Title => $"{Section} {Name}";
}
