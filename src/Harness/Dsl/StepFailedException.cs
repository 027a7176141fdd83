namespace Conformance.Harness.Dsl;

/// <summary>A step saw something other than what the manual says: the message names what was expected, what came and where.</summary>
/// <param name="message">What was expected, what came, where.</param>
/// <param name="section">The manual section broken, where it is not the step's: an outcome its command's section owes.</param>
public sealed class StepFailedException(string message, string? section = null) : Exception(message)
{
    /// <summary>The manual section the failure breaks; null for the step's own.</summary>
    public string? Section { get; } = section;
}
