namespace Conformance.Emulator.Logging;

/// <summary>One line of the emulator's log, already masked, with the level it belongs to.</summary>
public sealed record EmulatorLogEntry(EmulatorLogLevel Level, string Text)
{
    /// <summary>Whether a log set to <paramref name="threshold"/> shows this line.</summary>
    public bool ShownAt(EmulatorLogLevel threshold) => Level != EmulatorLogLevel.Off && Level <= threshold;

    public override string ToString() => Text;
}
