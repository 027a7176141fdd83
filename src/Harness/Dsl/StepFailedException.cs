namespace Conformance.Harness.Dsl;

/// <summary>A step saw something other than what the manual says: the message names what was expected, what came and where.</summary>
public sealed class StepFailedException(string message) : Exception(message);
