using BenchmarkDotNet.Attributes;
using Conformance.Benchmarks.Corpus;
using Conformance.Benchmarks.Workloads;

namespace Conformance.Benchmarks;

/// <summary>
/// A whole log analysed end to end, from memory and from a file. Extension point: the analyzer does not exist
/// yet, so <see cref="AnalyzeLog"/> runs the stages it will be built on (reading, tokenizing, typed URCs);
/// when src/Analyzer lands, call its entry point there and nothing else changes.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private byte[] _log = [];
    private string _file = "";

    [GlobalSetup]
    public void Setup()
    {
        _log = ModuleOutput.Get(CorpusKind.Typical);
        _file = Path.Combine(Path.GetTempPath(), $"m5310a-typical-{Environment.ProcessId}.log");
        File.WriteAllBytes(_file, _log);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_file);

    [Benchmark]
    public int InMemoryLog() => AnalyzeLog(new MemoryStream(_log, writable: false));

    [Benchmark]
    public int FileLog()
    {
        using var file = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return AnalyzeLog(file);
    }

    /// <summary>The analyzer's entry point goes here.</summary>
    private static int AnalyzeLog(Stream log) => Tokenize.Urcs(log, LimitBenchmarks.LargeChunk);
}
