using Conformance.Benchmarks.Check;

namespace Conformance.Benchmarks.Tests;

/// <summary>When the check fails: a workload slower against both yardsticks, never a yardstick disturbed by load.</summary>
public class VerdictTests
{
    private static readonly Baseline Reference = new(0.3, 0.05, new SortedDictionary<string, double>
    {
        ["Typical: Tokenizer / BareScan"] = 0.64,
        ["Typical: Tokenizer vs ReadLineRegex"] = 13.8,
        ["Typical: Analyzer / BareScan"] = 0.05,
        ["Typical: Analyzer vs ReadLineRegex"] = 1.15,
    });

    private static Dictionary<string, double> Run(double tokenizerBare, double tokenizerNaive, double analyzerBare = 0.05, double analyzerNaive = 1.15) => new()
    {
        ["Typical: Tokenizer / BareScan"] = tokenizerBare,
        ["Typical: Tokenizer vs ReadLineRegex"] = tokenizerNaive,
        ["Typical: Analyzer / BareScan"] = analyzerBare,
        ["Typical: Analyzer vs ReadLineRegex"] = analyzerNaive,
    };

    private static string[] Regressions(Dictionary<string, double> run) =>
        [.. Verdict.Compare(Reference, run).Where(v => v.IsRegression).Select(v => v.Name)];

    [Test]
    public void A_workload_twice_as_slow_fails_against_both_yardsticks() =>
        Assert.That(Regressions(Run(0.32, 6.9)), Is.EqualTo(new[] { "Typical: Tokenizer / BareScan", "Typical: Tokenizer vs ReadLineRegex" }));

    [Test]
    public void A_drop_against_one_yardstick_alone_is_load() =>
        Assert.That(Regressions(Run(0.90, 8.0)), Is.Empty);

    [Test]
    public void An_analyzer_twice_as_slow_fails_however_small_its_ratio_against_the_scan()
    {
        // 0.05 -> 0.025 is within the noise floor: the naive tool, a larger ratio, still shows the drop alone.
        Assert.That(Regressions(Run(0.64, 13.8, analyzerBare: 0.025, analyzerNaive: 0.57)), Is.EqualTo(new[] { "Typical: Analyzer vs ReadLineRegex" }));
    }

    [Test]
    public void A_ratio_missing_from_a_measured_corpus_fails()
    {
        var run = Run(0.64, 13.8);
        run.Remove("Typical: Analyzer vs ReadLineRegex");

        Assert.That(Regressions(run), Is.EqualTo(new[] { "Typical: Analyzer vs ReadLineRegex" }));
    }

    [Test]
    public void The_ratio_of_a_round_pair_is_taken_at_the_median()
    {
        // Round 2's bare scan was hit by load: the median ignores it.
        Assert.That(Ratios.MedianRatio([100, 300, 100], [200, 200, 200]), Is.EqualTo(0.5));
    }

    [Test]
    public void A_second_measurement_keeps_the_better_value_of_each_ratio() =>
        Assert.That(Ratios.Confirmed(new Dictionary<string, double> { ["a"] = 0.3, ["b"] = 1.0 }, new Dictionary<string, double> { ["a"] = 0.6, ["b"] = 0.5 }),
            Is.EqualTo(new SortedDictionary<string, double> { ["a"] = 0.6, ["b"] = 1.0 }));
}
