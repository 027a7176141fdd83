using BenchmarkDotNet.Attributes;
using Conformance.Benchmarks.Workloads;
using Conformance.Corpora;

namespace Conformance.Benchmarks;

/// <summary>
/// The analyzer on a Tera Term-style log with a stamp on every short line, as support receives them from the field,
/// against the bare line scan (the limit) and the naive ReadLine + Regex tool in the same run.
/// </summary>
[MemoryDiagnoser]
public class TimestampedLogBenchmarks
{
    private byte[] _log = [];
    private string _file = "";

    [GlobalSetup]
    public void Setup() => Setup(TimestampedLog.Get().Bytes);

    /// <summary>Prepares the workloads for <paramref name="log"/> (the check also warms up on a small one).</summary>
    public void Setup(byte[] log)
    {
        _log = log;
        _file = AnalyzerWorkload.WriteCapture(log, $"timestamped-{log.Length}");
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_file);

    [Benchmark(Baseline = true)]
    public int BareScan() => ReferenceScans.BareScan(_log);

    [Benchmark]
    public int ReadLineRegex() => ReferenceScans.ReadLineRegex(_log);

    /// <summary>Reading the log alone: stamps, directions, each line lent to a sink that keeps nothing.</summary>
    [Benchmark]
    public long Reading() => AnalyzerStages.Read(_file);

    /// <summary>Reading the log and the module's lines into events, without the timeline.</summary>
    [Benchmark]
    public long Events() => AnalyzerStages.Events(_file);

    /// <summary><c>conformance analyze</c> on the log file: detect the format, read the stamps, build the timeline.</summary>
    [Benchmark]
    public long Analyzer() => AnalyzerWorkload.Analyze(_file);
}
