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

    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
