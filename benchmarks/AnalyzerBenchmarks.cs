using BenchmarkDotNet.Attributes;
using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Timeline;
using Conformance.Benchmarks.Workloads;
using Conformance.Corpora;

namespace Conformance.Benchmarks;

/// <summary>
/// The analyzer end to end: from a file (read, detect, tokenize, build the timeline) and from records already
/// in memory (tokenize and build the timeline only), on the typical corpus written as a raw capture.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private string _file = "";
    private LogRecord[] _records = [];

    [GlobalSetup]
    public void Setup()
    {
        _file = AnalyzerWorkload.WriteCapture(ModuleOutput.Get(CorpusKind.Typical).Bytes, "typical");
        _records = [.. LogSource.Open(_file, LogFormat.Raw).Read()];
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_file);

    [Benchmark]
    public long InMemoryLog() => TimelineBuilder.Analyze(_records).Summary.Urcs;

    [Benchmark]
    public long FileLog() => AnalyzerWorkload.Analyze(_file);
}
