using BenchmarkDotNet.Attributes;
using Conformance.Corpora;
using Conformance.Benchmarks.Workloads;
using Conformance.Protocol.Framing;

namespace Conformance.Benchmarks;

/// <summary>
/// The tokenizer and the analyzer against their yardsticks, in one run so the ratios are measured under the same
/// load: the bare line scan (the limit, Ratio = 1) and the naive ReadLine + Regex tool. The regression check runs these.
/// </summary>
[MemoryDiagnoser]
public class LimitBenchmarks
{
    /// <summary>Chunk size of a file read or a busy serial port.</summary>
    public const int LargeChunk = 64 * 1024;

    private readonly AtTokenizer _tokenizer = new();
    private byte[] _corpus = [];
    private string _file = "";

    [ParamsAllValues]
    public CorpusKind Corpus { get; set; }

    [GlobalSetup]
    public void Setup() => Setup(ModuleOutput.Get(Corpus).Bytes);

    /// <summary>Prepares the workloads for <paramref name="corpus"/> (the check also warms up on small ones).</summary>
    public void Setup(byte[] corpus)
    {
        _corpus = corpus;
        _file = AnalyzerWorkload.WriteCapture(_corpus, $"{Corpus}-{corpus.Length}");
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_file);

    [Benchmark(Baseline = true)]
    public int BareScan() => ReferenceScans.BareScan(_corpus);

    [Benchmark]
    public int ReadLineRegex() => ReferenceScans.ReadLineRegex(_corpus);

    [Benchmark]
    public int Tokenizer() => Tokenize.Frames(_tokenizer, _corpus, LargeChunk);

    [Benchmark]
    public int TokenizerAndUrcs() => Tokenize.Urcs(_tokenizer, _corpus, LargeChunk);

    /// <summary><c>conformance analyze</c> on the corpus saved as a capture: detect, read, tokenize, build the timeline.</summary>
    [Benchmark]
    public long Analyzer() => AnalyzerWorkload.Analyze(_file);
}
