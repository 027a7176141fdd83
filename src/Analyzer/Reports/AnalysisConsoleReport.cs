using System.Globalization;
using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Statistics;
using Conformance.Analyzer.Timeline;
using Conformance.Protocol.Codes;
using Spectre.Console;

namespace Conformance.Analyzer.Reports;

/// <summary>
/// Writes an <see cref="Analysis"/> for people: a coloured timeline, the diagnostics, the statistics and a summary.
/// The console decides about colour; redirected output gets plain text.
/// </summary>
public static class AnalysisConsoleReport
{
    public static void Write(Analysis analysis, IAnsiConsole console)
    {
        // A device of a log of several: its report under its name, as if its lines were a log of their own.
        if (analysis.Channel is { } device) console.Write(new Rule($"[bold]Device {Markup.Escape(device)}[/]").LeftJustified().DoubleBorder());
        WriteTimeline(analysis, console);
        WriteDiagnostics(analysis.Diagnostics, console);
        WriteStatistics(analysis.Statistics, console);
        WriteSummary(analysis.Summary, analysis.Statistics, console);
    }

    /// <summary>
    /// Says, before the reports, that the log holds several devices and which are reported (<paramref name="reported"/>:
    /// all, or the one asked for); nothing for a log of one.
    /// </summary>
    public static void WriteDevices(IReadOnlyList<string> devices, IReadOnlyList<Analysis> reported, IAnsiConsole console)
    {
        if (devices.Count == 0) return;
        var names = string.Join(", ", devices.Select(Markup.Escape));
        console.MarkupLine(reported.Count == devices.Count
            ? $"The log holds {devices.Count} devices ({names}): each is reported below as a log of its own."
            : $"The log holds {devices.Count} devices ({names}): reported below is {Markup.Escape(reported[0].Channel ?? "")} alone.");
    }

    private static void WriteTimeline(Analysis analysis, IAnsiConsole console)
    {
        console.Write(new Rule("Timeline").LeftJustified());
        var entries = analysis.Exchanges.Select(e => (e.Line, Order: 0, Markup: Exchange(e)))
            .Concat(analysis.Urcs.Select(u => (u.Line, Order: 1, Markup: Urc(u))))
            .Concat(analysis.StateChanges.Select(s => (s.Line, Order: 2, Markup: State(s))))
            .OrderBy(e => e.Line).ThenBy(e => e.Order);
        foreach (var (line, _, markup) in entries) console.MarkupLine($"[grey]{line,6}[/]  {markup}");
    }

    internal static string Exchange(Exchange exchange)
    {
        var final = exchange.Final switch
        {
            null => "[red]no final result[/]",
            "OK" => "[green]OK[/]",
            var other => $"[red]{Report.Markup(other)}[/]",
        };
        var latency = exchange.LatencyMs is { } ms ? $" [grey]{Milliseconds(ms)}[/]" : "";
        var information = exchange.Information.Count > 0 ? $" [grey]{Report.Markup(Shortened(string.Join(" | ", exchange.Information)))}[/]" : "";
        return $"[bold]→ {Report.Markup(Shortened(exchange.Command))}[/]{information}  {final}{latency}";
    }

    internal static string Urc(UrcEvent urc)
    {
        var answers = urc.CommandLine is { } line ? $" [grey](answers line {line})[/]" : "";
        return $"[cyan]← {Report.Markup(Shortened(urc.Text))}[/]{answers}";
    }

    // A timeline line is read at a glance: a hex publish of kilobytes is shown by its start (JSON, CSV and HTML keep more, KeptText).
    private const int LongestShown = 160;

    private static string Shortened(string text) => text.Length <= LongestShown ? text : KeptText.Shorten(text, LongestShown - 40);

    // A finding's message explains, and may quote a line: the quote is shown by its start, as in the timeline.
    private const int LongestMessage = 480;

    internal static string State(StateChange change) =>
        $"[yellow]state {(int)change.To} {change.To}[/] [grey]after {Report.Markup(change.Cause)}[/]";

    private static void WriteDiagnostics(IReadOnlyList<Diagnostic> diagnostics, IAnsiConsole console)
    {
        console.Write(new Rule("Diagnostics").LeftJustified());
        if (diagnostics.Count == 0)
        {
            console.MarkupLine("[green]none[/]");
            return;
        }
        WriteRows(console, new Table().AddColumns("line", "severity", "code", "message"), diagnostics, "diagnostics", d =>
            [d.Line.ToString(CultureInfo.InvariantCulture), Severity(d.Severity), Report.Markup(d.Code),
                Report.Markup(d.Message.Length <= LongestMessage ? d.Message : KeptText.Shorten(d.Message, LongestMessage - 40))]);
    }

    /// <summary>The most rows a console table shows; the JSON, CSV and HTML reports list every row.</summary>
    public const int MaxRows = 50;

    // A table is laid out whole before it is printed: thousands of rows of long commands took hundreds of megabytes
    // for a report nobody scrolls through. Its first rows are shown, and where the rest is.
    private static void WriteRows<T>(IAnsiConsole console, Table table, IReadOnlyList<T> items, string what, Func<T, string[]> row)
    {
        foreach (var item in items.Take(MaxRows)) table.AddRow(row(item));
        console.Write(table);
        if (items.Count > MaxRows)
            console.MarkupLine($"[grey]… {Count(items.Count - MaxRows)} more {what} not shown; --json, --csv or --html list all {Count(items.Count)}[/]");
    }

    internal static string Severity(Severity severity) => severity switch
    {
        Protocol.Codes.Severity.Error => "[red]error[/]",
        Protocol.Codes.Severity.Warn => "[yellow]warn[/]",
        _ => "[blue]note[/]",
    };

    private static void WriteStatistics(SessionStatistics statistics, IAnsiConsole console)
    {
        console.Write(new Rule("Response times").LeftJustified());
        WriteRows(console, new Table().AddColumns("command", "count", "ok", "errors", "timeouts", "min", "median", "p95", "max"), statistics.Commands, "commands", c =>
            [Report.Markup(Shortened(c.Command)), Count(c.Count), Count(c.Ok), Count(c.Errors), Count(c.Timeouts),
                Milliseconds(c.MinMs), Milliseconds(c.MedianMs), Milliseconds(c.P95Ms), Milliseconds(c.MaxMs)]);
        WriteRows(console, new Table().AddColumns("URC", "count"), statistics.Urcs, "URCs", u => [Report.Markup(Shortened(u.Name)), Count(u.Count)]);
        if (statistics.Diagnostics.Count == 0) return;
        WriteRows(console, new Table().AddColumns("diagnostic", "severity", "count"), statistics.Diagnostics, "diagnostic codes",
            d => [Report.Markup(d.Code), Severity(d.Severity), Count(d.Count)]);
    }

    private static void WriteSummary(Summary summary, SessionStatistics statistics, IAnsiConsole console)
    {
        console.Write(new Rule("Summary").LeftJustified());
        console.MarkupLine(
            $"{Report.Count(summary.Commands, "command", "commands")}: [green]{summary.Ok} ok[/], [red]{Report.Count(summary.Errors, "error", "errors")}[/], [red]{summary.Unanswered} unanswered[/]; " +
            $"{Report.Count(summary.Urcs, "URC", "URCs")}; {Report.Count(summary.Reconnects, "reconnection episode", "reconnection episodes")}; " +
            $"{Report.Count(statistics.Drops, "drop", "drops")}; uptime {Report.Duration(statistics.UptimeMs)}; {Report.Count(summary.Diagnostics, "diagnostic", "diagnostics")}");
        if (summary.Omitted > 0)
            console.MarkupLine($"[grey]{summary.Omitted} items beyond the storage limit are counted but not listed[/]");
    }

    private static string Count(long value) => Report.Count(value);

    private static string Milliseconds(double? ms) => Report.Milliseconds(ms);
}
