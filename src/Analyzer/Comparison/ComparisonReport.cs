using System.Globalization;
using System.Text.Json;
using Conformance.Analyzer.Reports;
using Spectre.Console;

namespace Conformance.Analyzer.Comparison;

/// <summary>Writes a <see cref="LogComparison"/> for people (console table) or for scripts (JSON, same options as <see cref="JsonReport"/>).</summary>
public static class ComparisonReport
{
    public static void WriteJson(LogComparison comparison, Stream output) => JsonSerializer.Serialize(output, comparison, JsonReport.Options);

    /// <param name="nameA">How to call log A, usually its file name.</param>
    public static void Write(LogComparison comparison, IAnsiConsole console, string nameA, string nameB)
    {
        console.Write(new Rule($"Response times: A = {Markup.Escape(nameA)}, B = {Markup.Escape(nameB)}").LeftJustified());
        var table = new Table().AddColumns("command", "count A", "count B", "median A", "median B", "change", "p95 A", "p95 B", "p", "verdict");
        foreach (var c in comparison.Commands)
            table.AddRow(Markup.Escape(c.Command), Count(c.A?.Count), Count(c.B?.Count),
                Report.Milliseconds(c.A?.MedianMs), Report.Milliseconds(c.B?.MedianMs), Change(c),
                Report.Milliseconds(c.A?.P95Ms), Report.Milliseconds(c.B?.P95Ms),
                c.PValue is { } p ? p.ToString("0.###", CultureInfo.InvariantCulture) : "-", Verdict(c));
        console.Write(table);
        OnlyIn(console, "URCs only in A", comparison.UrcsOnlyInA);
        OnlyIn(console, "URCs only in B", comparison.UrcsOnlyInB);
        OnlyIn(console, "Diagnostics only in A", comparison.DiagnosticsOnlyInA);
        OnlyIn(console, "Diagnostics only in B", comparison.DiagnosticsOnlyInB);
        var changed = comparison.Commands.Count(c => c.BeyondNoise);
        console.MarkupLine(changed == 0
            ? "[green]No command's response time changed beyond noise.[/]"
            : $"[yellow]{changed} command(s) changed beyond noise[/] (Mann-Whitney p < {LogComparer.Significance.ToString(CultureInfo.InvariantCulture)} and change > max({LogComparer.MinChangePercent}%, {LogComparer.MinChangeMs} ms)).");
    }

    private static string Change(CommandComparison c)
    {
        if (c.MedianChangeMs is not { } ms) return "-";
        var sign = ms > 0 ? "+" : "";
        var percent = c.MedianChangePercent is { } p ? $" ({sign}{p.ToString("0", CultureInfo.InvariantCulture)}%)" : "";
        return $"{sign}{Report.Milliseconds(ms)}{percent}";
    }

    private static string Verdict(CommandComparison c) => c switch
    {
        { A: null } => "[blue]only in B[/]",
        { B: null } => "[blue]only in A[/]",
        { BeyondNoise: true, MedianChangeMs: > 0 } => "[red]slower[/]",
        { BeyondNoise: true } => "[green]faster[/]",
        _ => "[grey]within noise[/]",
    };

    private static string Count(long? count) => count is { } n ? Report.Count(n) : "0";

    private static void OnlyIn(IAnsiConsole console, string title, IReadOnlyList<string> names)
    {
        if (names.Count > 0) console.MarkupLine($"{title}: [yellow]{Markup.Escape(string.Join(", ", names))}[/]");
    }
}
