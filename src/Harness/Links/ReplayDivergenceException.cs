namespace Conformance.Harness.Links;

/// <summary>The host sent something other than what the replayed trace recorded at that point.</summary>
public sealed class ReplayDivergenceException(string message) : IOException(message);
