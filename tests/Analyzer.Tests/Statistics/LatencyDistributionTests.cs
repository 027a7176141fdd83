using Conformance.Analyzer.Statistics;
using CsCheck;

namespace Conformance.Analyzer.Tests.Statistics;

public class LatencyDistributionTests
{
    private static LatencyDistribution Of(params double[] values)
    {
        var distribution = new LatencyDistribution();
        foreach (var value in values) distribution.Add(value);
        return distribution;
    }

    [Test]
    public void Median_of_an_odd_count_is_the_middle_value() => Assert.That(Of(30, 10, 20).Median, Is.EqualTo(20));

    [Test]
    public void Median_of_an_even_count_is_the_lower_middle_value_by_nearest_rank() => Assert.That(Of(40, 10, 30, 20).Median, Is.EqualTo(20));

    [Test]
    public void P95_of_twenty_values_is_the_nineteenth()
    {
        var distribution = Of([.. Enumerable.Range(1, 20).Select(i => i * 10.0)]);

        Assert.That((distribution.P95, distribution.Min, distribution.Max), Is.EqualTo(((double?)190, (double?)10, (double?)200)));
    }

    [Test]
    public void P95_of_one_hundred_values_is_the_ninety_fifth() => Assert.That(Of([.. Enumerable.Range(1, 100).Select(i => (double)i)]).P95, Is.EqualTo(95));

    [Test]
    public void Values_are_rounded_to_the_millisecond() => Assert.That(Of(1.4, 1.6).Max, Is.EqualTo(2));

    [Test]
    public void Without_values_every_figure_is_unknown()
    {
        var empty = new LatencyDistribution();

        Assert.That(new[] { empty.Min, empty.Median, empty.P95, empty.Max }, Is.All.Null);
    }

    [Test]
    public void A_percentile_outside_0_to_100_is_refused() =>
        Assert.That(() => Of(1).Percentile(101), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("at most 100"));

    [Test]
    public void Percentiles_match_the_nearest_rank_of_the_sorted_values() =>
        Gen.Int[0, 5000].List[1, 300].Select(Gen.Int[1, 100]).Sample((values, p) =>
        {
            var sorted = values.Order().ToList();
            var expected = sorted[(int)Math.Ceiling(p / 100.0 * sorted.Count) - 1];
            return Of([.. values.Select(v => (double)v)]).Percentile(p) == expected;
        });
}
