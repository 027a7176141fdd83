using Conformance.Benchmarks.Reporting;
using Conformance.Corpora;

namespace Conformance.Benchmarks.Check;

/// <summary>One benchmark's result in the check run: fastest iteration and allocations for one pass over a corpus.</summary>
public sealed record Measurement(CorpusKind Corpus, string Method, double FastestNanoseconds, long AllocatedBytes, long CorpusBytes, long CorpusLines)
{
    public double MegabytesPerSecond => Throughput.MegabytesPerSecond(CorpusBytes, FastestNanoseconds);

    public double NanosecondsPerLine => Throughput.NanosecondsPerLine(CorpusLines, FastestNanoseconds);
}
