namespace Conformance.Tap;

/// <summary>How to tap: the two ports, forwarding or listen-only, where the trace goes.</summary>
/// <param name="Host">The host's (MCU's) side: in forwarding mode the port the host talks to, in listen-only mode the line carrying what the host sends.</param>
/// <param name="Module">The module's side: the port the module is on, or in listen-only mode the line carrying what the module sends.</param>
/// <param name="ListenOnly">A Y-cable: read both ports, never write to either.</param>
/// <param name="Trace">The trace file; rotated to <c>TRACE.1</c>, <c>TRACE.2</c> … when <paramref name="RotateSize"/> is set.</param>
/// <param name="RotateSize">Bytes after which the trace is rotated; null never rotates.</param>
/// <param name="ShowSecrets">Write and show secrets as sent instead of <c>***</c>.</param>
public sealed record TapOptions(string Host, string Module, bool ListenOnly, string Trace, long? RotateSize = null, bool ShowSecrets = false);
