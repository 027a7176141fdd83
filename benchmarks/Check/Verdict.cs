namespace Conformance.Benchmarks.Check;

/// <summary>How one ratio of the new run compares with its baseline.</summary>
/// <param name="Name">The ratio, e.g. <c>Typical: Tokenizer / BareScan</c>.</param>
/// <param name="Baseline">Its committed value; NaN when the baseline does not have it (a new ratio).</param>
/// <param name="Current">Its value in this run; NaN when this run did not measure it.</param>
/// <param name="IsRegression">True when it and the workload's other ratio dropped beyond noise, or it went missing from a corpus still measured.</param>
/// <param name="Dropped">True when it dropped by more than both the threshold and the noise floor.</param>
public sealed record Verdict(string Name, double Baseline, double Current, bool IsRegression, bool Dropped = false)
{
    /// <summary>
    /// Like dotnet/performance's ResultsComparer: a change counts only when it exceeds a relative threshold
    /// and an absolute noise floor, so tiny ratios do not flap. A workload is measured against two yardsticks (the bare
    /// scan and the naive tool); it regresses only when it dropped against both. Load from other processes disturbs
    /// the yardsticks unlike each other (the memory-bound scan suffers from a busy cache, the allocating tool from
    /// a busy GC), so a drop against one alone is the machine, while a slower workload drops against both. A ratio new
    /// in this run has nothing to compare with, and a ratio of a corpus no longer measured at all was retired: neither
    /// fails the check, so the first run after adding or dropping a corpus passes.
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
            var dropped = drop > reference * baseline.Threshold && drop > baseline.NoiseFloor;
            verdicts.Add(new Verdict(name, reference, value, dropped, dropped));
        }
        foreach (var (name, value) in current)
        {
            if (!baseline.Ratios.ContainsKey(name)) verdicts.Add(new Verdict(name, double.NaN, value, IsRegression: false));
        }
        // A drop is excused when another ratio of its workload held: fell by no more than the threshold. A ratio so small
        // that its drop is within the noise floor (the analyzer against the scan) cannot testify that it held.
        var held = verdicts.Where(v => !double.IsNaN(v.Baseline) && !double.IsNaN(v.Current) && v.Baseline - v.Current <= v.Baseline * baseline.Threshold)
            .Select(v => Ratios.WorkloadOf(v.Name)).ToHashSet(StringComparer.Ordinal);
        return [.. verdicts.Select(v => v.Dropped && held.Contains(Ratios.WorkloadOf(v.Name)) ? v with { IsRegression = false } : v)];
    }

    public override string ToString()
    {
        var status = IsRegression ? "REGRESSION" : "ok        ";
        if (double.IsNaN(Baseline)) return $"{status}  {Name,-48} now {Current,7:0.000}  (new, no baseline)";
        if (double.IsNaN(Current))
            return $"{status}  {Name,-48} baseline {Baseline,7:0.000}  ({(IsRegression ? "not measured in this run" : "corpus no longer measured")})";
        var note = Dropped && !IsRegression ? "  dropped against this yardstick only: load" : "";
        return $"{status}  {Name,-48} baseline {Baseline,7:0.000}  now {Current,7:0.000}  ({Current / Baseline - 1,7:+0.0%;-0.0%}){note}";
    }
}
