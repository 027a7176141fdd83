using System.Runtime.InteropServices;

namespace Conformance.Analyzer.Statistics;

/// <summary>
/// Latencies counted per whole millisecond, so memory grows with the spread of the values, not their number.
/// Percentiles use the nearest-rank rule: the smallest value with at least p % of the values at or below it.
/// </summary>
public sealed class LatencyDistribution
{
    // A hash per latency added (one per exchange of a log); sorted only when a statistic is read.
    private readonly Dictionary<long, long> _counts = [];
    private KeyValuePair<long, long>[]? _sorted;

    /// <summary>How many latencies were added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one latency, rounded to the millisecond.</summary>
    public void Add(double milliseconds)
    {
        var key = (long)Math.Round(milliseconds, MidpointRounding.AwayFromZero);
        CollectionsMarshal.GetValueRefOrAddDefault(_counts, key, out _)++;
        Count++;
        _sorted = null;
    }

    public double? Min => Count == 0 ? null : Sorted[0].Key;

    public double? Max => Count == 0 ? null : Sorted[^1].Key;

    public double? Median => Percentile(50);

    public double? P95 => Percentile(95);

    /// <summary>The nearest-rank percentile <paramref name="p"/> (0 &lt; p ≤ 100); null with no values.</summary>
    public double? Percentile(double p)
    {
        if (p is <= 0 or > 100) throw new ArgumentOutOfRangeException(nameof(p), p, "p must be above 0 and at most 100");
        if (Count == 0) return null;
        var rank = (long)Math.Ceiling(p / 100 * Count);
        long seen = 0;
        foreach (var (value, count) in Sorted)
        {
            seen += count;
            if (seen >= rank) return value;
        }
        return Sorted[^1].Key;
    }

    private KeyValuePair<long, long>[] Sorted => _sorted ??= [.. _counts.OrderBy(c => c.Key)];
}
