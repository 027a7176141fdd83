namespace Conformance.Analyzer.Comparison;

/// <summary>
/// The Mann-Whitney U test: do two samples of latencies come from the same distribution? Rank-based, so it suits
/// skewed latencies with outliers. Two-sided p from the normal approximation with tie and continuity corrections.
/// </summary>
public static class MannWhitney
{
    /// <summary>The two-sided p-value; null when a sample has fewer than 2 values (no evidence either way).</summary>
    public static double? PValue(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count < 2 || b.Count < 2) return null;
        var all = a.Select(v => (Value: v, FromA: true)).Concat(b.Select(v => (Value: v, FromA: false))).OrderBy(p => p.Value).ToList();
        double n1 = a.Count, n2 = b.Count, n = all.Count;
        double rankSumA = 0, tieTerm = 0;
        for (var start = 0; start < all.Count;)
        {
            var end = start;
            while (end + 1 < all.Count && all[end + 1].Value == all[start].Value) end++;
            var rank = (start + end) / 2.0 + 1; // mid-rank of the tied run
            for (var i = start; i <= end; i++) if (all[i].FromA) rankSumA += rank;
            double ties = end - start + 1;
            tieTerm += ties * ties * ties - ties;
            start = end + 1;
        }
        var u = rankSumA - n1 * (n1 + 1) / 2;
        var mean = n1 * n2 / 2;
        var variance = n1 * n2 / 12 * (n + 1 - tieTerm / (n * (n - 1)));
        if (variance <= 0) return 1; // every value equal
        var z = (Math.Abs(u - mean) - 0.5) / Math.Sqrt(variance);
        return Math.Min(1, 2 * UpperTail(Math.Max(z, 0)));
    }

    /// <summary>P(Z &gt; z) of the standard normal distribution (Abramowitz and Stegun 7.1.26 for erfc, error below 1.5e-7).</summary>
    private static double UpperTail(double z)
    {
        var x = z / Math.Sqrt(2);
        var t = 1 / (1 + 0.3275911 * x);
        var poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        return 0.5 * poly * Math.Exp(-x * x);
    }
}
