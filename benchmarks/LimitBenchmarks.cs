using BenchmarkDotNet.Attributes;
using Conformance.Corpora;
using Conformance.Benchmarks.Workloads;
using Conformance.Protocol.Framing;

namespace Conformance.Benchmarks;

/// <summary>
/// The tokenizer against its yardsticks, in one run so the ratios are measured under the same load:
/// the bare line scan (the limit, Ratio = 1) and the naive ReadLine + Regex tool. The regression check runs these.
/// </summary>
[MemoryDiagnoser]
public class LimitBenchmarks
{
    /// <summary>Chunk size of a file read or a busy serial port.</summary>
    public const int LargeChunk = 64 * 1024;

    private readonly AtTokenizer _tokenizer = new();
    private byte[] _corpus = [];

    [ParamsAllValues]
    public CorpusKind Corpus { get; set; }

    [GlobalSetup]
    public void Setup() => _corpus = ModuleOutput.Get(Corpus).Bytes;

    [Benchmark(Baseline = true)]
    public int BareScan() => ReferenceScans.BareScan(_corpus);

    [Benchmark]
    public int ReadLineRegex() => ReferenceScans.ReadLineRegex(_corpus);

    [Benchmark]
    public int Tokenizer() => Tokenize.Frames(_tokenizer, _corpus, LargeChunk);

    [Benchmark]
    public int TokenizerAndUrcs() => Tokenize.Urcs(_tokenizer, _corpus, LargeChunk);
}
