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
    SessionStatistics Statistics);
