using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Conformance.Benchmarks.Reporting;

/// <summary>A summary column computed from a benchmark's median time and the corpus it reads; "-" for the others.</summary>
public abstract class CorpusColumn(string name, string legend, int priority) : IColumn
{
    public string Id => GetType().Name;
    public string ColumnName => name;
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => priority;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => legend;

    /// <summary>The column's value for one operation over <paramref name="input"/> taking <paramref name="nanoseconds"/>.</summary>
    protected abstract double Value(Throughput.Input input, double nanoseconds);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var median = summary[benchmarkCase]?.ResultStatistics?.Median;
        return Throughput.InputOf(benchmarkCase) is { } input && median is { } ns
            ? Value(input, ns).ToString("N1", style.CultureInfo)
            : "-";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
