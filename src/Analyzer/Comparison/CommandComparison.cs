using Conformance.Analyzer.Statistics;

namespace Conformance.Analyzer.Comparison;

/// <summary>One command's response times in log A and log B and whether they changed beyond noise.</summary>
/// <param name="A">Statistics in log A; null when A never sent the command.</param>
/// <param name="B">Statistics in log B; null when B never sent the command.</param>
/// <param name="MedianChangeMs">B's median minus A's; null when either has no latency.</param>
/// <param name="MedianChangePercent">The median change relative to A's median.</param>
/// <param name="P95ChangeMs">B's p95 minus A's.</param>
/// <param name="PValue">Mann-Whitney U test of the two latency samples; null with fewer than 2 latencies on a side.</param>
/// <param name="BeyondNoise">True when <see cref="LogComparer.IsBeyondNoise"/> holds: a real slow-down or speed-up.</param>
public sealed record CommandComparison(
    string Command, CommandStatistics? A, CommandStatistics? B,
    double? MedianChangeMs, double? MedianChangePercent, double? P95ChangeMs, double? PValue, bool BeyondNoise);
