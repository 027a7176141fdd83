using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Statistics;

namespace Conformance.Analyzer.Timeline;

/// <summary>Everything the analyzer found in one log: what reports and exporters read.</summary>
public sealed record Analysis(
    Summary Summary,
    IReadOnlyList<Exchange> Exchanges,
    IReadOnlyList<UrcEvent> Urcs,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<StateChange> StateChanges,
    IReadOnlyList<Reconnection> Reconnections,
    IReadOnlyList<PublishedDataPoints> DataPoints,
    SessionStatistics Statistics)
{
    /// <summary>The module this analysis is of, in a log of several (<c>ttyUSB1</c>, <c>dev-0417</c>); null for a log of one.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public string? Channel { get; init; }
}
