namespace Conformance.Emulator.Logging;

/// <summary>How much the emulator says about itself; each level includes the ones above it.</summary>
public enum EmulatorLogLevel
{
    /// <summary>Nothing at all.</summary>
    Off,

    /// <summary>Problems only: a client dropped for not reading, an over-long line.</summary>
    Warn,

    /// <summary>Plus clients connecting and leaving, and every command received (<c>&gt; …</c>).</summary>
    Info,

    /// <summary>Plus every line the module sends (<c>&lt; …</c>).</summary>
    Debug,
}
