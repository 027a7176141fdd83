using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Conformance.Benchmarks.Reporting;

/// <summary>A summary column with the corpus throughput in MB/s.</summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);
    public string ColumnName => "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Corpus megabytes (10^6 bytes) read per second, from the fastest iteration";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var median = summary[benchmarkCase]?.ResultStatistics?.Median;
        return Throughput.BytesPerOperation(benchmarkCase) is { } bytes && median is { } ns
            ? Throughput.MegabytesPerSecond(bytes, ns).ToString("N1", style.CultureInfo)
            : "-";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
