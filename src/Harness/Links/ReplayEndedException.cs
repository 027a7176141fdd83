namespace Conformance.Harness.Links;

/// <summary>A replayed trace ended before its run did (the run that recorded it was killed): the module is gone, not different.</summary>
public sealed class ReplayEndedException(string message) : IOException(message);
