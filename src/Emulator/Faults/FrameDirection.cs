namespace Conformance.Emulator.Faults;

/// <summary>Which way a packet travels through the fault proxy.</summary>
public enum FrameDirection
{
    /// <summary>From the module to the broker.</summary>
    ToBroker,
    /// <summary>From the broker to the module.</summary>
    ToClient,
}
