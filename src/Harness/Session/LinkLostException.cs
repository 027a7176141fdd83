namespace Conformance.Harness.Session;

/// <summary>The module went away (USB unplugged, TCP closed): nothing more can be sent or received.</summary>
public sealed class LinkLostException(string message, Exception? inner = null) : IOException(message, inner);
