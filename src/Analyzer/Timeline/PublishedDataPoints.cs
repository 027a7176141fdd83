using Conformance.Protocol.OneNet;

namespace Conformance.Analyzer.Timeline;

/// <summary>A OneNET <c>$dp</c> publish decoded to its data points (spec §6).</summary>
/// <param name="Line">Log line of the AT+MQTTPUB command.</param>
public sealed record PublishedDataPoints(long Line, DateTimeOffset? Time, DpType Type, IReadOnlyList<DataPoint> Points);
