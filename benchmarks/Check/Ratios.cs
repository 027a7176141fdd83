using Conformance.Corpora;

namespace Conformance.Benchmarks.Check;

/// <summary>The numbers the check compares: speed ratios measured in one run (higher is better), per corpus.</summary>
public static class Ratios
{
    /// <summary>Ratios named "corpus: what", e.g. <c>Typical: Tokenizer / BareScan</c>; see <see cref="CorpusOf"/>.</summary>
    public static SortedDictionary<string, double> Of(IReadOnlyList<Measurement> measurements)
    {
        var ratios = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var group in measurements.GroupBy(m => m.Corpus))
        {
            var time = group.ToDictionary(m => m.Method, m => m.FastestNanoseconds);
            foreach (var method in new[] { nameof(LimitBenchmarks.Tokenizer), nameof(LimitBenchmarks.TokenizerAndUrcs), nameof(LimitBenchmarks.Analyzer) })
            {
                ratios[Name(group.Key, $"{method} / {nameof(LimitBenchmarks.BareScan)}")] = time[nameof(LimitBenchmarks.BareScan)] / time[method];
                ratios[Name(group.Key, $"{method} vs {nameof(LimitBenchmarks.ReadLineRegex)}")] = time[nameof(LimitBenchmarks.ReadLineRegex)] / time[method];
            }
        }
        return ratios;
    }

    /// <summary>Bytes the tokenizer allocates per frame in steady state, averaged over one pass (the generator knows the frames).</summary>
    public static double AllocatedPerFrame(Measurement tokenizer) =>
        (double)tokenizer.AllocatedBytes / ModuleOutput.Get(tokenizer.Corpus).Frames.Total;

    /// <summary>The corpus part of a ratio's name: <c>Typical</c> for <c>Typical: Tokenizer / BareScan</c>.</summary>
    public static string CorpusOf(string ratio) => ratio.Split(':', 2)[0];

    private static string Name(CorpusKind corpus, string what) => $"{corpus}: {what}";
}
