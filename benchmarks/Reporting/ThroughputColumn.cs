
namespace Conformance.Benchmarks.Reporting;

/// <summary>A summary column with the corpus throughput in MB/s.</summary>
public sealed class ThroughputColumn() : CorpusColumn("MB/s", "Corpus megabytes (10^6 bytes) read per second, from the median time", priority: 0)
{
    protected override double Value(Throughput.Input input, double nanoseconds) =>
        Throughput.MegabytesPerSecond(input.Bytes, nanoseconds);
}
