using System.Globalization;
using CsvHelper;
using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Reports;

/// <summary>
/// Writes an <see cref="Analysis"/> as three CSV files for spreadsheets: exchanges, URCs and diagnostics. Text cells
/// go through <see cref="Report.Cell"/>: no control bytes, no formulas.
/// </summary>
public static class CsvReport
{
    public const string ExchangesFile = "exchanges.csv";
    public const string UrcsFile = "urcs.csv";
    public const string DiagnosticsFile = "diagnostics.csv";

    /// <summary>The files <see cref="Write"/> writes, in order.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [ExchangesFile, UrcsFile, DiagnosticsFile];

    /// <summary>Writes the three files into <paramref name="directory"/> (created if missing) and returns their paths.</summary>
    public static IReadOnlyList<string> Write(Analysis analysis, string directory)
    {
        Directory.CreateDirectory(directory);
        return
        [
            WriteTable(Path.Combine(directory, ExchangesFile), ["line", "time", "command", "final", "latency_ms", "information"],
                analysis.Exchanges, e => [e.Line, Time(e.Time), e.Command, e.Final, e.LatencyMs, string.Join(" | ", e.Information)]),
            WriteTable(Path.Combine(directory, UrcsFile), ["line", "time", "name", "text", "answers_line", "packet_id"],
                analysis.Urcs, u => [u.Line, Time(u.Time), u.Name, u.Text, u.CommandLine, u.PacketId]),
            WriteTable(Path.Combine(directory, DiagnosticsFile), ["line", "severity", "code", "message"],
                analysis.Diagnostics, d => [d.Line, Report.SeverityName(d.Severity), d.Code, d.Message]),
        ];
    }

    private static string WriteTable<T>(string path, string[] header, IEnumerable<T> rows, Func<T, object?[]> fields)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var name in header) csv.WriteField(name);
        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var field in fields(row)) csv.WriteField(field is string text ? Report.Cell(text) : field);
            csv.NextRecord();
        }
        return path;
    }

    private static string? Time(DateTimeOffset? time) => time is { } at ? WallClock.Of(at) : null;
}
