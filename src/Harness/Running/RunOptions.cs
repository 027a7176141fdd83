namespace Conformance.Harness.Running;

/// <summary>How to judge a run.</summary>
/// <param name="Strict">Fail scenarios with findings (deviations from the manual's canonical forms), not only report them.</param>
public sealed record RunOptions(bool Strict = false);
