using Conformance.Fuzz.Tests.Engine;
using Conformance.Fuzz.Tests.Targets;

namespace Conformance.Fuzz.Tests;

/// <summary>
/// The fuzz properties as tests: the seeds and every saved input of the corpus, then generated inputs from a fixed
/// CsCheck seed and count, so a run is short and the same every time. <c>tests/Fuzz.Tests/run</c> runs them for longer.
/// </summary>
public class FuzzTests
{
    // A fixed random seed: the same inputs on every machine.
    private const ulong Seed = 20261129;

    private static IEnumerable<FuzzTarget> Targets() => AllTargets.Create();

    [TestCaseSource(nameof(Targets))]
    public void Seeds_and_saved_inputs_keep_the_properties(FuzzTarget target)
    {
        var fuzzer = new Fuzzer(target, Corpus.Shipped, save: false);
        fuzzer.Replay();
        Assert.That(fuzzer.Tried, Is.GreaterThanOrEqualTo(target.Seeds.Count), "every seed was checked");
    }

    [TestCaseSource(nameof(Targets))]
    public void Generated_inputs_keep_the_properties(FuzzTarget target)
    {
        var fuzzer = new Fuzzer(target, Corpus.Shipped, save: false);
        fuzzer.RunFixed(Seed, target.ShortIterations);
        Assert.That(fuzzer.Tried, Is.EqualTo(target.ShortIterations), "every generated input was checked");
    }
}
