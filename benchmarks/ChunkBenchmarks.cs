using BenchmarkDotNet.Attributes;
using Conformance.Corpora;
using Conformance.Benchmarks.Workloads;
using Conformance.Protocol.Framing;

namespace Conformance.Benchmarks;

/// <summary>
/// The tokenizer alone and with typed URC parsing, fed byte by byte (a slow UART), in 64-byte chunks (a USB-serial
/// packet) and in 64 KB chunks (a file).
/// </summary>
[MemoryDiagnoser]
public class ChunkBenchmarks
{
    private readonly AtTokenizer _tokenizer = new();
    private byte[] _corpus = [];

    [ParamsAllValues]
    public CorpusKind Corpus { get; set; }

    [Params(1, 64, LimitBenchmarks.LargeChunk)]
    public int ChunkSize { get; set; }

    [GlobalSetup]
    public void Setup() => _corpus = ModuleOutput.Get(Corpus).Bytes;

    [Benchmark(Baseline = true)]
    public int Tokenizer() => Tokenize.Frames(_tokenizer, _corpus, ChunkSize);

    [Benchmark]
    public int TokenizerAndUrcs() => Tokenize.Urcs(_tokenizer, _corpus, ChunkSize);
}
