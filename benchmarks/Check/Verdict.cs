namespace Conformance.Benchmarks.Check;

/// <summary>How one ratio of the new run compares with its baseline.</summary>
/// <param name="Name">The ratio, e.g. <c>Typical: Tokenizer / BareScan</c>.</param>
/// <param name="Baseline">Its committed value; NaN when the baseline does not have it (a new ratio).</param>
/// <param name="Current">Its value in this run; NaN when this run did not measure it.</param>
/// <param name="IsRegression">True when it dropped by more than both the threshold and the noise floor, or went missing from a corpus still measured.</param>
public sealed record Verdict(string Name, double Baseline, double Current, bool IsRegression)
{
    /// <summary>
    /// Like dotnet/performance's ResultsComparer: a change counts only when it exceeds a relative threshold
    /// and an absolute noise floor, so tiny ratios do not flap. A ratio new in this run has nothing to compare
    /// with, and a ratio of a corpus no longer measured at all was retired: neither fails the check, so the first
    /// run after adding or dropping a corpus passes.
    /// </summary>
    public static IReadOnlyList<Verdict> Compare(Baseline baseline, IReadOnlyDictionary<string, double> current)
    {
        var measuredCorpora = current.Keys.Select(Ratios.CorpusOf).ToHashSet(StringComparer.Ordinal);
        var verdicts = new List<Verdict>();
        foreach (var (name, reference) in baseline.Ratios)
        {
            if (!current.TryGetValue(name, out var value))
            {
                verdicts.Add(new Verdict(name, reference, double.NaN, IsRegression: measuredCorpora.Contains(Ratios.CorpusOf(name))));
                continue;
            }
            var drop = reference - value;
            verdicts.Add(new Verdict(name, reference, value, drop > reference * baseline.Threshold && drop > baseline.NoiseFloor));
        }
        foreach (var (name, value) in current)
        {
            if (!baseline.Ratios.ContainsKey(name)) verdicts.Add(new Verdict(name, double.NaN, value, IsRegression: false));
        }
        return verdicts;
    }

    public override string ToString()
    {
        var status = IsRegression ? "REGRESSION" : "ok        ";
        if (double.IsNaN(Baseline)) return $"{status}  {Name,-48} now {Current,7:0.000}  (new, no baseline)";
        if (double.IsNaN(Current))
            return $"{status}  {Name,-48} baseline {Baseline,7:0.000}  ({(IsRegression ? "not measured in this run" : "corpus no longer measured")})";
        return $"{status}  {Name,-48} baseline {Baseline,7:0.000}  now {Current,7:0.000}  ({Current / Baseline - 1,7:+0.0%;-0.0%})";
    }
}
