using Conformance.Benchmarks.Reporting;

namespace Conformance.Benchmarks.Check;

/// <summary>One workload's result in the check run: the time of each round's pass over a corpus, and its allocations.</summary>
/// <param name="Corpus">The group it was measured in: a corpus kind, <c>Timestamped</c> or <c>Parallel</c>.</param>
/// <param name="Method">The workload.</param>
/// <param name="RoundNanoseconds">The time of its pass in each round, in round order.</param>
/// <param name="AllocatedBytes">Bytes allocated by its last pass (steady state).</param>
/// <param name="CorpusBytes">Bytes one pass reads.</param>
/// <param name="CorpusLines">Lines one pass reads, as the bare scan counts them.</param>
/// <param name="Frames">Frames the generator wrote, for the allocations per frame; 0 when not counted.</param>
public sealed record Measurement(string Corpus, string Method, IReadOnlyList<double> RoundNanoseconds, long AllocatedBytes, long CorpusBytes, long CorpusLines, long Frames = 0)
{
    /// <summary>The fastest pass: load from other processes only ever adds time.</summary>
    public double FastestNanoseconds => RoundNanoseconds.Min();

    public double MegabytesPerSecond => Throughput.MegabytesPerSecond(CorpusBytes, FastestNanoseconds);

    public double NanosecondsPerLine => Throughput.NanosecondsPerLine(CorpusLines, FastestNanoseconds);
}
