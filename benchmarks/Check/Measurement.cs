using Conformance.Benchmarks.Corpus;
using Conformance.Benchmarks.Reporting;

namespace Conformance.Benchmarks.Check;

/// <summary>One benchmark's result in the check run: fastest iteration and allocations for one pass over a corpus.</summary>
public sealed record Measurement(CorpusKind Corpus, string Method, double FastestNanoseconds, long AllocatedBytes, long CorpusBytes)
{
    public double MegabytesPerSecond => Throughput.MegabytesPerSecond(CorpusBytes, FastestNanoseconds);
}
