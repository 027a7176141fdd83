using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Conformance.Benchmarks.Check;

namespace Conformance.Benchmarks.Reporting;

/// <summary>The Markdown results table of a check run, written into the README between two marker lines.</summary>
public static class ResultsTable
{
    public const string Begin = "<!-- results:begin (written by benchmarks/check --update-baseline) -->";
    public const string End = "<!-- results:end -->";

    public static string Render(IReadOnlyList<Measurement> measurements)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"Machine: {Machine()}  ");
        text.AppendLine(c, $"Date: {DateTime.UtcNow:yyyy-MM-dd} UTC · job: benchmarks/check, {CheckJob.Rounds} interleaved passes after tier-up, fastest pass, {ThreadTime.Kind} (Parallel: wall clock, allocations of the measuring thread only)");
        text.AppendLine();
        text.AppendLine("| Corpus | Benchmark | MB/s | ns/line | × limit (bare scan; Parallel: × one worker) | × naive (ReadLine + Regex) | Allocated / pass | Allocated / frame |");
        text.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|");
        foreach (var group in measurements.GroupBy(m => m.Corpus))
        {
            // The limit of a corpus is the bare scan; the parallel workload is compared with its one worker.
            var reference = (group.FirstOrDefault(m => m.Method == Ratios.Limit) ?? group.First()).FastestNanoseconds;
            var naive = group.FirstOrDefault(m => m.Method == Ratios.Naive)?.FastestNanoseconds;
            foreach (var m in group)
            {
                var perFrame = m.Method == nameof(LimitBenchmarks.Tokenizer) && m.Frames > 0 ? Ratios.AllocatedPerFrame(m).ToString("0.000 B", c) : "";
                var timesNaive = naive is { } n ? (n / m.FastestNanoseconds).ToString("0.00", c) : "";
                text.AppendLine(c,
                    $"| {m.Corpus} ({m.CorpusBytes / 1024.0 / 1024.0:0.0} MiB) | {m.Method} | {m.MegabytesPerSecond:N0} | {m.NanosecondsPerLine:N1} | {reference / m.FastestNanoseconds:0.00} | {timesNaive} | {Size(m.AllocatedBytes)} | {perFrame} |");
            }
        }
        return text.ToString();
    }

    /// <summary>Replaces the text between the markers in <paramref name="readmePath"/>.</summary>
    public static void WriteInto(string readmePath, string table)
    {
        var readme = File.ReadAllText(readmePath);
        var begin = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin) throw new InvalidDataException($"{readmePath}: the results markers are missing");
        File.WriteAllText(readmePath, readme[..(begin + Begin.Length)] + "\n" + table + readme[end..]);
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MB"),
    };

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores, " +
               $"{RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
