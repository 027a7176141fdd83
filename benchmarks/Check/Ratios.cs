namespace Conformance.Benchmarks.Check;

/// <summary>The numbers the check compares: speed ratios measured in one run (higher is better), per corpus.</summary>
public static class Ratios
{
    /// <summary>What every corpus's workloads are compared with: the bare line scan, the limit.</summary>
    public const string Limit = nameof(LimitBenchmarks.BareScan);

    /// <summary>The naive tool: ReadLine and a regex.</summary>
    public const string Naive = nameof(LimitBenchmarks.ReadLineRegex);

    private static readonly string[] Checked = [nameof(LimitBenchmarks.Tokenizer), nameof(LimitBenchmarks.TokenizerAndUrcs), nameof(LimitBenchmarks.Analyzer)];

    /// <summary>Ratios named "corpus: what", e.g. <c>Typical: Tokenizer / BareScan</c>; see <see cref="CorpusOf"/>.</summary>
    /// <remarks>
    /// Each ratio is the median of per-round ratios: the two passes of a round ran seconds apart, so a load phase of the
    /// machine slows both, and the median drops the rounds where it hit only one of them.
    /// </remarks>
    public static SortedDictionary<string, double> Of(IReadOnlyList<Measurement> measurements)
    {
        var ratios = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var group in measurements.GroupBy(m => m.Corpus))
        {
            var byMethod = group.ToDictionary(m => m.Method);
            foreach (var method in Checked.Where(byMethod.ContainsKey))
            {
                if (byMethod.TryGetValue(Limit, out var limit))
                    ratios[Name(group.Key, $"{method} / {Limit}")] = MedianRatio(limit.RoundNanoseconds, byMethod[method].RoundNanoseconds);
                if (byMethod.TryGetValue(Naive, out var naive))
                    ratios[Name(group.Key, $"{method} vs {Naive}")] = MedianRatio(naive.RoundNanoseconds, byMethod[method].RoundNanoseconds);
            }
        }
        return ratios;
    }

    /// <summary>The median over rounds of <c>reference / measured</c>: how many times faster the measured workload is.</summary>
    public static double MedianRatio(IReadOnlyList<double> reference, IReadOnlyList<double> measured)
    {
        if (reference.Count != measured.Count || reference.Count == 0)
            throw new ArgumentException("both workloads must have run the same rounds");
        var perRound = reference.Zip(measured, (r, m) => r / m).Order().ToArray();
        var middle = perRound.Length / 2;
        return perRound.Length % 2 == 1 ? perRound[middle] : (perRound[middle - 1] + perRound[middle]) / 2;
    }

    /// <summary>
    /// The ratios of a first measurement with those of a second one of some corpora: each ratio keeps the better of its
    /// two values, since load only ever makes a ratio worse. A real regression is worse in both.
    /// </summary>
    public static SortedDictionary<string, double> Confirmed(IReadOnlyDictionary<string, double> first, IReadOnlyDictionary<string, double> second)
    {
        var ratios = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in first) ratios[name] = second.TryGetValue(name, out var again) ? Math.Max(value, again) : value;
        return ratios;
    }

    /// <summary>Bytes the tokenizer allocates per frame in steady state, averaged over one pass (the generator knows the frames).</summary>
    public static double AllocatedPerFrame(Measurement tokenizer) => (double)tokenizer.AllocatedBytes / tokenizer.Frames;

    /// <summary>The corpus part of a ratio's name: <c>Typical</c> for <c>Typical: Tokenizer / BareScan</c>.</summary>
    public static string CorpusOf(string ratio) => ratio.Split(':', 2)[0];

    /// <summary>The corpus and workload of a ratio: <c>Typical: Tokenizer</c> for <c>Typical: Tokenizer / BareScan</c> and <c>Typical: Tokenizer vs ReadLineRegex</c>.</summary>
    public static string WorkloadOf(string ratio) => ratio.Split([" / ", " vs "], 2, StringSplitOptions.None)[0];

    private static string Name(string corpus, string what) => $"{corpus}: {what}";
}
