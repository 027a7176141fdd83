using Conformance.Analyzer.Diagnostics;

namespace Conformance.Analyzer.Timeline;

/// <summary>
/// Receives every item of the timeline as it is made, in log order, also those beyond
/// <see cref="AnalysisOptions.MaxStoredItems"/>: what a live view or a bulk export reads instead of the capped lists.
/// </summary>
public interface ITimelineSink
{
    /// <summary>A command got its final result, or is given up as unanswered.</summary>
    void Exchange(Exchange exchange);

    /// <summary>A URC arrived (already correlated with what it answers).</summary>
    void Urc(UrcEvent urc);

    /// <summary>A diagnostic was raised.</summary>
    void Diagnostic(Diagnostic diagnostic);

    /// <summary>The MQTT session changed state.</summary>
    void StateChange(StateChange change);

    /// <summary>A reconnection episode ended.</summary>
    void Reconnection(Reconnection reconnection);

    /// <summary>An AT+MQTTPUB to <c>$dp</c> carried OneNET data points.</summary>
    void DataPoints(PublishedDataPoints points);
}
