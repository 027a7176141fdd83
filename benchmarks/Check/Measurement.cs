using Conformance.Benchmarks.Corpus;
using Conformance.Benchmarks.Reporting;

namespace Conformance.Benchmarks.Check;

/// <summary>One benchmark's result in the check run: median time and allocations for one pass over a corpus.</summary>
public sealed record Measurement(CorpusKind Corpus, string Method, double MedianNanoseconds, long AllocatedBytes, long CorpusBytes)
{
    public double MegabytesPerSecond => Throughput.MegabytesPerSecond(CorpusBytes, MedianNanoseconds);
}
