using Conformance.Analyzer.Comparison;
using CsCheck;

namespace Conformance.Analyzer.Tests.Comparison;

public class MannWhitneyTests
{
    [Test]
    public void Samples_that_do_not_overlap_differ_significantly()
    {
        double[] fast = [10, 11, 12, 13, 14, 15, 16, 17];
        double[] slow = [30, 31, 32, 33, 34, 35, 36, 37];

        // Exact two-sided p for 8 against 8 with no overlap is 2/C(16,8) = 0.00016; the normal approximation is close.
        Assert.That(MannWhitney.PValue(fast, slow), Is.LessThan(0.002));
    }

    [Test]
    public void Identical_samples_do_not_differ()
    {
        double[] sample = [10, 12, 12, 15, 20, 20, 20, 31];

        Assert.That(MannWhitney.PValue(sample, sample), Is.EqualTo(1).Within(1e-9));
    }

    [Test]
    public void A_known_textbook_value()
    {
        // Ranks of a: 1, 2, 3, 4, 7, so U = 17 - 15 = 2; mean 15, variance 30; z = (13 - 0.5) / √30 = 2.282, p = 0.0225.
        double[] a = [1, 2, 3, 4, 7];
        double[] b = [5, 6, 8, 9, 10, 11];

        Assert.That(MannWhitney.PValue(a, b), Is.EqualTo(0.0225).Within(0.0005));
    }

    [Test]
    public void Fewer_than_two_values_give_no_evidence() =>
        Assert.That(MannWhitney.PValue([10], [10, 20, 30]), Is.Null);

    [Test]
    public void The_test_is_symmetric_and_a_probability() =>
        Gen.Double[0, 1000].Array[2, 30].Select(Gen.Double[0, 1000].Array[2, 30]).Sample((a, b) =>
        {
            var p = MannWhitney.PValue(a, b);
            return p is >= 0 and <= 1 && Math.Abs(p.Value - MannWhitney.PValue(b, a)!.Value) < 1e-12;
        });
}
