namespace Conformance.Emulator.Control;

/// <summary>A control line that cannot be carried out; the message says what is wrong and at which column.</summary>
internal sealed class ControlError(string message) : Exception(message);
