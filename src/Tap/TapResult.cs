using Conformance.Analyzer.Statistics;
using Conformance.Analyzer.Timeline;

namespace Conformance.Tap;

/// <summary>What a tap saw: why it ended, the analysis of all traffic, the bytes per direction and the forwarding delay.</summary>
/// <param name="ForwardingMicroseconds">Per read: from the read's return until the other port took the bytes, in microseconds (empty in listen-only mode).</param>
public sealed record TapResult(
    TapEnd End, Analysis Analysis, long BytesToModule, long BytesFromModule, LatencyDistribution ForwardingMicroseconds,
    string Trace, int Rotations, string? TraceError);
