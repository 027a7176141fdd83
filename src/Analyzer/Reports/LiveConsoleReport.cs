using System.Globalization;
using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Timeline;
using Spectre.Console;

namespace Conformance.Analyzer.Reports;

/// <summary>
/// The timeline printed as it is made (<c>conformance tap</c>, <c>analyze --follow</c>): each exchange once its final
/// result is in, each URC, session state change, reconnection and diagnostic as it happens, one line each, in the
/// same words as <see cref="AnalysisConsoleReport"/>. Secrets arrive already masked by the analyzer. A device of a log
/// of several has a report of its own, each line naming the device after its line number; they share the console.
/// </summary>
public sealed class LiveConsoleReport(IAnsiConsole console, string? device = null) : ITimelineSink
{
    private readonly string _device = device is null ? "" : $"[blue]{Report.Markup(device)}[/]  ";

    public void Exchange(Exchange exchange) => Line(exchange.Line, exchange.Time, AnalysisConsoleReport.Exchange(exchange));

    public void Urc(UrcEvent urc) => Line(urc.Line, urc.Time, AnalysisConsoleReport.Urc(urc));

    public void StateChange(StateChange change) => Line(change.Line, change.Time, AnalysisConsoleReport.State(change));

    public void Diagnostic(Diagnostic diagnostic) =>
        Line(diagnostic.Line, null, $"{AnalysisConsoleReport.Severity(diagnostic.Severity)} {Report.Markup(diagnostic.Code)}: {Report.Markup(diagnostic.Message)}");

    public void Reconnection(Reconnection reconnection) =>
        Line(reconnection.EndLine, null, $"[yellow]reconnection {reconnection.Outcome.ToString().ToLowerInvariant()}[/] [grey]from line {reconnection.Line}, " +
            $"{reconnection.Attempts} attempts, {reconnection.Timeouts} time-outs, {Report.Milliseconds(reconnection.DurationMs)}[/]");

    public void DataPoints(PublishedDataPoints points) =>
        Line(points.Line, points.Time, $"[grey]$dp type {(int)points.Type}: {Report.Markup(string.Join(", ", points.Points.Select(p => p.DatastreamId)))}[/]");

    private void Line(long line, DateTimeOffset? time, string markup)
    {
        var clock = time is { } t ? t.DateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) + " " : "";
        // The devices' reports write from their own threads: one line at a time.
        lock (console) console.MarkupLine($"[grey]{clock}{line,6}[/]  {_device}{markup}");
    }
}
