
namespace Conformance.Benchmarks.Reporting;

/// <summary>A summary column with the median time per corpus line in nanoseconds, next to MB/s.</summary>
/// <remarks>Lines are counted as the bare scan counts them, so corpora of very different line lengths compare.</remarks>
public sealed class LineTimeColumn() : CorpusColumn("ns/line", "Median time per operation divided by the corpus lines (as the bare scan counts them)", priority: 1)
{
    protected override double Value(Throughput.Input input, double nanoseconds) =>
        Throughput.NanosecondsPerLine(input.Lines, nanoseconds);
}
