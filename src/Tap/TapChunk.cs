using Conformance.Protocol.Tracing;

namespace Conformance.Tap;

/// <summary>Bytes one side sent, as one read returned them: when they were read and how long forwarding them took.</summary>
/// <param name="Direction"><see cref="TraceDirection.ToModule"/> for the host's bytes, <see cref="TraceDirection.FromModule"/> for the module's.</param>
/// <param name="Forwarding">From the read's return until the other port took the bytes; zero in listen-only mode.</param>
public sealed record TapChunk(TraceDirection Direction, DateTimeOffset Time, byte[] Data, TimeSpan Forwarding);
