using System.Globalization;
using Conformance.Analyzer.Diagnostics;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Display;

namespace Conformance.Analyzer.Reports;

/// <summary>How every report writes the same values, so console, CSV and HTML agree.</summary>
internal static class Report
{
    public static string SeverityName(Severity severity) => severity.Name();

    public static string Milliseconds(double? ms) =>
        ms is { } value ? $"{value.ToString("0.#", CultureInfo.InvariantCulture)} ms" : "-";

    /// <summary>A span long enough to read in seconds, minutes, hours or days, e.g. <c>2 min 51.8 s</c>, <c>3 h 12 min 5 s</c>, <c>9831 d 0 h 0 min</c>.</summary>
    public static string Duration(double? ms)
    {
        if (ms is not { } value || value < 1000) return Milliseconds(ms);
        var span = TimeSpan.FromMilliseconds(value);
        var seconds = (span.TotalSeconds % 60).ToString("0.#", CultureInfo.InvariantCulture);
        return span.TotalDays >= 1 ? $"{(long)span.TotalDays} d {span.Hours} h {span.Minutes} min"
            : span.TotalHours >= 1 ? $"{(long)span.TotalHours} h {span.Minutes} min {seconds} s"
            : span.TotalMinutes >= 1 ? $"{(long)span.TotalMinutes} min {seconds} s" : $"{seconds} s";
    }

    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"1 drop", "2 drops": a count and its noun.</summary>
    public static string Count(long value, string one, string many) => $"{Count(value)} {(value == 1 ? one : many)}";

    /// <summary>Text of the log as Spectre markup: control characters shown as escapes, brackets taken literally.</summary>
    public static string Markup(string text) => Spectre.Console.Markup.Escape(PrintableText.Escape(text));

    /// <summary>
    /// Text of the log as a CSV cell: control characters shown as escapes, and a cell a spreadsheet would run as a
    /// formula (<c>=…</c>, <c>@…</c>, or <c>+</c>/<c>-</c> followed by a call, a DDE link or a comparison) prefixed
    /// with <c>'</c>. A plain <c>+MQTTOPEN: 0</c> stays as it is, so scripts reading the file see the module's text.
    /// </summary>
    public static string? Cell(string? text)
    {
        if (text is null) return null;
        var cell = PrintableText.Escape(text);
        var formula = cell.Length > 0 && (cell[0] is '=' or '@' || cell[0] is '+' or '-' && cell.AsSpan(1).IndexOfAny("=(|!") >= 0);
        return formula ? "'" + cell : cell;
    }
}
