using System.Globalization;
using Conformance.Analyzer.Diagnostics;

namespace Conformance.Analyzer.Reports;

/// <summary>How every report writes the same values, so console, CSV and HTML agree.</summary>
internal static class Report
{
    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warn => "warn",
        _ => "note",
    };

    public static string Milliseconds(double? ms) =>
        ms is { } value ? $"{value.ToString("0.#", CultureInfo.InvariantCulture)} ms" : "-";

    /// <summary>A span long enough to read in seconds or minutes, e.g. <c>2 min 51.8 s</c>.</summary>
    public static string Duration(double? ms)
    {
        if (ms is not { } value || value < 1000) return Milliseconds(ms);
        var span = TimeSpan.FromMilliseconds(value);
        var seconds = (span.TotalSeconds % 60).ToString("0.#", CultureInfo.InvariantCulture);
        return span.TotalMinutes >= 1 ? $"{(long)span.TotalMinutes} min {seconds} s" : $"{seconds} s";
    }

    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
