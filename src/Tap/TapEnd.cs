namespace Conformance.Tap;

/// <summary>Why the tap stopped: a stop request, or one side's port closing or failing.</summary>
/// <param name="Reason">For people: <c>stopped</c>, <c>host port closed</c>, <c>module port failed: Input/output error</c>.</param>
/// <param name="PortEnded">True when a port closed or failed, false when the tap was asked to stop.</param>
public sealed record TapEnd(string Reason, bool PortEnded)
{
    public static TapEnd Stopped { get; } = new("stopped", false);
}
