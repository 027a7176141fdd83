namespace Conformance.Harness.Links;

/// <summary>A target that cannot be parsed or opened: bad syntax, missing port, port busy, connection refused.</summary>
public sealed class LinkException(string message, Exception? inner = null) : Exception(message, inner);
