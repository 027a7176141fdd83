using Conformance.Analyzer.Statistics;
using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Comparison;

/// <summary>
/// Compares two analyses. A median change is beyond noise when the Mann-Whitney U test gives p &lt; 0.05 and the
/// change is larger than both 10 % of A's median and 2 ms: significant and big enough to matter.
/// </summary>
/// <remarks>
/// The test runs on the latencies of the listed exchanges (<see cref="AnalysisOptions.MaxStoredItems"/> per log);
/// the medians and p95 come from the statistics of the whole logs.
/// </remarks>
public static class LogComparer
{
    public const double Significance = 0.05;
    public const double MinChangePercent = 10;
    public const double MinChangeMs = 2;

    public static LogComparison Compare(Analysis a, Analysis b)
    {
        var statsA = a.Statistics.Commands.ToDictionary(c => c.Command, StringComparer.Ordinal);
        var statsB = b.Statistics.Commands.ToDictionary(c => c.Command, StringComparer.Ordinal);
        var latenciesA = Latencies(a);
        var latenciesB = Latencies(b);
        var commands = statsA.Keys.Union(statsB.Keys).Order(StringComparer.Ordinal)
            .Select(command => Compare(command, statsA.GetValueOrDefault(command), statsB.GetValueOrDefault(command),
                latenciesA.GetValueOrDefault(command, []), latenciesB.GetValueOrDefault(command, [])))
            .ToList();
        var urcsA = a.Statistics.Urcs.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        var urcsB = b.Statistics.Urcs.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        var codesA = a.Diagnostics.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        var codesB = b.Diagnostics.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        return new LogComparison(commands, OnlyIn(urcsA, urcsB), OnlyIn(urcsB, urcsA), OnlyIn(codesA, codesB), OnlyIn(codesB, codesA));
    }

    /// <summary>The rule for "beyond noise": <paramref name="pValue"/> below 0.05 and |change| above max(10 % of <paramref name="medianA"/>, 2 ms).</summary>
    public static bool IsBeyondNoise(double medianA, double changeMs, double? pValue) =>
        pValue < Significance && Math.Abs(changeMs) > Math.Max(medianA * MinChangePercent / 100, MinChangeMs);

    private static CommandComparison Compare(string command, CommandStatistics? a, CommandStatistics? b, List<double> samplesA, List<double> samplesB)
    {
        var medianChange = b?.MedianMs - a?.MedianMs;
        double? percent = medianChange is { } change && a?.MedianMs is > 0 and var median ? change / median * 100 : null;
        var p = MannWhitney.PValue(samplesA, samplesB);
        var beyond = medianChange is { } c && a?.MedianMs is { } m && IsBeyondNoise(m, c, p);
        return new CommandComparison(command, a, b, medianChange, percent, b?.P95Ms - a?.P95Ms, p, beyond);
    }

    private static Dictionary<string, List<double>> Latencies(Analysis analysis)
    {
        var latencies = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var exchange in analysis.Exchanges)
        {
            if (exchange.LatencyMs is not { } ms) continue;
            var key = CommandText.Key(exchange.Command);
            if (!latencies.TryGetValue(key, out var list)) latencies[key] = list = [];
            list.Add(ms);
        }
        return latencies;
    }

    private static List<string> OnlyIn(HashSet<string> these, HashSet<string> others) =>
        [.. these.Except(others).Order(StringComparer.Ordinal)];
}
