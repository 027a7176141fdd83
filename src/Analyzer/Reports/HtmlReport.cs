using System.Net;
using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Timeline;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Display;

namespace Conformance.Analyzer.Reports;

/// <summary>
/// Writes an <see cref="Analysis"/> as one self-contained HTML page (inline CSS and SVG, no script) to attach to a
/// support ticket: summary, diagnostics, response times, plots and the timeline, with the log's line numbers.
/// </summary>
/// <remarks>
/// Every text that comes from the log is HTML-encoded with its control characters shown as escapes: a log cannot
/// inject markup into the page, and the document holds no raw control bytes.
/// </remarks>
public static class HtmlReport
{
    // Keeps the page small enough to attach to a ticket; the CSV and JSON outputs list everything.
    public const int MaxTimelineRows = 5000;

    private const string Style = """
        body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 1100px; color: #222; padding: 0 1em; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { border-bottom: 2px solid #ddd; padding-bottom: 0.2em; margin-top: 2em; }
        .source { color: #666; }
        table { border-collapse: collapse; width: 100%; margin: 0.5em 0; }
        th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid #eee; vertical-align: top; }
        th { background: #f4f4f4; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.line { color: #888; text-align: right; font-variant-numeric: tabular-nums; width: 4em; }
        code, td.text { font-family: ui-monospace, Consolas, monospace; white-space: pre-wrap; word-break: break-all; }
        td.code code { white-space: nowrap; word-break: normal; }
        td.error { color: #b00020; font-weight: 600; } td.warn { color: #a15c00; font-weight: 600; } td.note { color: #1a5fb4; }
        td.error, td.warn, td.note { white-space: nowrap; }
        tr.error { background: #fdecee; } tr.warn { background: #fff6e0; }
        .ok, td.ok { color: #1e7b34; } .sent { color: #000; } .urc { color: #006d77; } .state { color: #7b4d00; }
        .plot svg { max-width: 100%; height: auto; }
        .muted { color: #888; }
        """;

    /// <param name="title">What the page is about, usually the log's file name.</param>
    public static void Write(Analysis analysis, TextWriter output, string title)
    {
        var page = new HtmlWriter(output);
        page.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        page.Raw($"<title>Analysis of {E(title)}</title>\n<style>\n{Style}</style>\n</head>\n<body>\n");
        page.Raw($"<h1>M5310-A MQTT log analysis</h1>\n<p class=\"source\">{E(title)}</p>\n");
        WriteSummary(analysis, page);
        WriteDiagnostics(analysis.Diagnostics, page);
        WriteStatistics(analysis, page);
        WritePlots(analysis, page);
        WriteTimeline(analysis, page);
        page.Raw("</body>\n</html>\n");
    }

    public static string Write(Analysis analysis, string title)
    {
        using var text = new StringWriter();
        Write(analysis, text, title);
        return text.ToString();
    }

    private static void WriteSummary(Analysis analysis, HtmlWriter page)
    {
        var s = analysis.Summary;
        var worst = analysis.Statistics.Diagnostics.Count == 0 ? null : (Severity?)analysis.Statistics.Diagnostics.Max(d => d.Severity);
        page.Raw("<h2 id=\"summary\">Summary</h2>\n");
        page.Table("summary-table", ["", ""], [
            ["commands", Report.Count(s.Commands)],
            ["answered OK", Report.Count(s.Ok)],
            ["answered with an error", Report.Count(s.Errors)],
            ["unanswered", Report.Count(s.Unanswered)],
            ["URCs", Report.Count(s.Urcs)],
            ["reconnection episodes", Report.Count(s.Reconnects)],
            ["connection drops", Report.Count(analysis.Statistics.Drops)],
            ["time connected", Report.Duration(analysis.Statistics.UptimeMs)],
            ["diagnostics", Report.Count(s.Diagnostics) + (worst is { } w ? $" (worst: {Report.SeverityName(w)})" : "")],
        ], header: false);
        if (s.Omitted > 0)
            page.Raw($"<p class=\"muted\">{s.Omitted} items beyond the storage limit are counted in the figures but not listed.</p>\n");
    }

    private static void WriteDiagnostics(IReadOnlyList<Diagnostic> diagnostics, HtmlWriter page)
    {
        page.Raw("<h2 id=\"diagnostics\">Diagnostics</h2>\n");
        if (diagnostics.Count == 0)
        {
            page.Raw("<p class=\"ok\">Nothing looks wrong.</p>\n");
            return;
        }
        page.Raw("<table id=\"diagnostics-table\">\n<tr><th class=\"num\">line</th><th>severity</th><th>code</th><th>what is wrong</th></tr>\n");
        foreach (var d in diagnostics.OrderBy(d => d.Line))
        {
            var severity = Report.SeverityName(d.Severity);
            page.Raw($"<tr class=\"{severity}\"><td class=\"line\">{d.Line}</td><td class=\"{severity}\">{severity}</td><td class=\"code\"><code>{E(d.Code)}</code></td><td>{E(d.Message)}</td></tr>\n");
        }
        page.Raw("</table>\n");
    }

    private static void WriteStatistics(Analysis analysis, HtmlWriter page)
    {
        page.Raw("<h2 id=\"statistics\">Response times</h2>\n");
        page.Table("statistics-table", ["command", "count", "ok", "errors", "timeouts", "min", "median", "p95", "max"],
            analysis.Statistics.Commands.Select(c => new[]
            {
                c.Command, Report.Count(c.Count), Report.Count(c.Ok), Report.Count(c.Errors), Report.Count(c.Timeouts),
                Report.Milliseconds(c.MinMs), Report.Milliseconds(c.MedianMs), Report.Milliseconds(c.P95Ms), Report.Milliseconds(c.MaxMs),
            }));
        page.Raw("<h3>URCs received</h3>\n");
        page.Table("urc-counts", ["URC", "count"], analysis.Statistics.Urcs.Select(u => new[] { u.Name, Report.Count(u.Count) }));
        page.Table("diagnostic-counts", ["diagnostic", "severity", "count"],
            analysis.Statistics.Diagnostics.Select(d => new[] { d.Code, Report.SeverityName(d.Severity), Report.Count(d.Count) }));
    }

    private static void WritePlots(Analysis analysis, HtmlWriter page)
    {
        page.Raw("<h2 id=\"plots\">Plots</h2>\n");
        Plot(page, "latency-plot", Plots.Latency(analysis), "No latencies: the log has no times.");
        Plot(page, "state-plot", Plots.States(analysis), "No MQTT state changes in this log.");
    }

    // ScottPlot's SVG carries no text of the log other than command names and axis labels, which it escapes itself.
    private static void Plot(HtmlWriter page, string id, string? svg, string missing) =>
        page.Raw(svg is null ? $"<p class=\"muted\" id=\"{id}\">{missing}</p>\n" : $"<div class=\"plot\" id=\"{id}\">\n{svg}\n</div>\n");

    private static void WriteTimeline(Analysis analysis, HtmlWriter page)
    {
        page.Raw("<h2 id=\"timeline\">Timeline</h2>\n");
        page.Raw("<table id=\"timeline-table\">\n<tr><th class=\"num\">line</th><th>time</th><th></th><th>traffic</th><th>result</th><th class=\"num\">latency</th></tr>\n");
        var rows = analysis.Exchanges.Select(e => (e.Line, Order: 0, Html: Exchange(e)))
            .Concat(analysis.Urcs.Select(u => (u.Line, Order: 1, Html: Urc(u))))
            .Concat(analysis.StateChanges.Select(s => (s.Line, Order: 2, Html: State(s))))
            .OrderBy(r => r.Line).ThenBy(r => r.Order);
        var shown = 0;
        foreach (var (_, _, html) in rows.Take(MaxTimelineRows))
        {
            page.Raw(html);
            shown++;
        }
        page.Raw("</table>\n");
        var listed = analysis.Exchanges.Count + analysis.Urcs.Count + analysis.StateChanges.Count;
        if (listed > shown)
            page.Raw($"<p class=\"muted\" id=\"timeline-cut\">The timeline stops after {shown} rows; {listed - shown} more are in the CSV and JSON outputs.</p>\n");
    }

    private static string Exchange(Exchange e)
    {
        var (css, final) = e.Final switch
        {
            null => ("error", "no final result"),
            "OK" => ("ok", "OK"),
            var other => ("error", other),
        };
        var information = e.Information.Count == 0 ? "" : $"<br><span class=\"muted\">{E(string.Join("\n", e.Information))}</span>";
        return $"<tr><td class=\"line\">{e.Line}</td><td>{Time(e.Time)}</td><td class=\"sent\">→</td><td class=\"text\">{E(e.Command)}{information}</td>" +
            $"<td class=\"{css}\">{E(final)}</td><td class=\"num\">{(e.LatencyMs is null ? "" : Report.Milliseconds(e.LatencyMs))}</td></tr>\n";
    }

    private static string Urc(UrcEvent u)
    {
        var answers = u.CommandLine is { } line ? $"answers line {line}" : "";
        return $"<tr><td class=\"line\">{u.Line}</td><td>{Time(u.Time)}</td><td class=\"urc\">←</td><td class=\"text urc\">{E(u.Text)}</td><td class=\"muted\">{answers}</td><td></td></tr>\n";
    }

    private static string State(StateChange s) =>
        $"<tr><td class=\"line\">{s.Line}</td><td>{Time(s.Time)}</td><td class=\"state\">●</td><td class=\"state\">state {(int)s.To} {s.To}</td><td class=\"muted\">after {E(s.Cause)}</td><td></td></tr>\n";

    private static string Time(DateTimeOffset? time) => time is { } t ? t.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture) : "";

    private static string E(string text) => WebUtility.HtmlEncode(PrintableText.Escape(text));

    /// <summary>Writes raw markup and simple tables whose cells are always encoded.</summary>
    private sealed class HtmlWriter(TextWriter output)
    {
        public void Raw(string html) => output.Write(html);

        public void Table(string id, string[] columns, IEnumerable<string[]> rows, bool header = true)
        {
            output.Write($"<table id=\"{id}\">\n");
            if (header) output.Write("<tr>" + string.Concat(columns.Select((c, i) => $"<th{Numeric(i)}>{E(c)}</th>")) + "</tr>\n");
            foreach (var row in rows) output.Write("<tr>" + string.Concat(row.Select((c, i) => $"<td{Numeric(i)}>{E(c)}</td>")) + "</tr>\n");
            output.Write("</table>\n");
        }

        private static string Numeric(int column) => column == 0 ? "" : " class=\"num\"";
    }
}
