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
        console.Write(new Rule($"Response times: A = {Report.Markup(nameA)}, B = {Report.Markup(nameB)}").LeftJustified());
        // Narrow enough for an 80-column terminal: A and B share a column.
        var table = new Table().Border(TableBorder.Minimal)
            .AddColumn("command", c => c.NoWrap()).AddColumns("count A/B", "median ms A→B").AddColumn("change ms", c => c.NoWrap())
            .AddColumns("p95 ms A→B", "p", "verdict");
        foreach (var c in comparison.Commands)
            table.AddRow(Report.Markup(c.Command), $"{Count(c.A?.Count)}/{Count(c.B?.Count)}",
                Pair(c.A?.MedianMs, c.B?.MedianMs), Change(c), Pair(c.A?.P95Ms, c.B?.P95Ms),
                PValue(c.PValue), Verdict(c));
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
        return $"{sign}{Number(ms)}{percent}";
    }

    private static string Verdict(CommandComparison c) => c switch
    {
        { A: null } => "[blue]only in B[/]",
        { B: null } => "[blue]only in A[/]",
        { BeyondNoise: true, MedianChangeMs: > 0 } => "[red]slower[/]",
        { BeyondNoise: true } => "[green]faster[/]",
        _ => "[grey]noise[/]",
    };

    private static string PValue(double? p) => p switch
    {
        null => "-",
        < 0.001 => "<0.001",
        var value => value.Value.ToString("0.###", CultureInfo.InvariantCulture),
    };

    private static string Pair(double? a, double? b) => $"{Number(a)} → {Number(b)}";

    private static string Number(double? ms) => ms is { } value ? value.ToString("0.#", CultureInfo.InvariantCulture) : "-";

    private static string Count(long? count) => count is { } n ? Report.Count(n) : "0";

    private static void OnlyIn(IAnsiConsole console, string title, IReadOnlyList<string> names)
    {
        if (names.Count > 0) console.MarkupLine($"{title}: [yellow]{Report.Markup(string.Join(", ", names))}[/]");
    }
}
