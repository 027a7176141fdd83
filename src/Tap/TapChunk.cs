using Conformance.Protocol.Tracing;

namespace Conformance.Tap;

/// <summary>Bytes one side sent, as one read returned them, and when they were read.</summary>
/// <param name="Direction"><see cref="TraceDirection.ToModule"/> for the host's bytes, <see cref="TraceDirection.FromModule"/> for the module's.</param>
public sealed record TapChunk(TraceDirection Direction, DateTimeOffset Time, byte[] Data);
