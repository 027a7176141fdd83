using BenchmarkDotNet.Running;
using Conformance.Benchmarks.Corpus;

namespace Conformance.Benchmarks.Reporting;

/// <summary>How many corpus bytes one operation of a benchmark reads, so its time becomes MB/s.</summary>
public static class Throughput
{
    /// <summary>The corpus size for corpus benchmarks; null for the ones that read no corpus (command formatting).</summary>
    public static long? BytesPerOperation(BenchmarkCase benchmark)
    {
        if (benchmark.Parameters["Corpus"] is CorpusKind kind) return ModuleOutput.Get(kind).Length;
        if (benchmark.Descriptor.Type == typeof(AnalyzerBenchmarks)) return ModuleOutput.Get(CorpusKind.Typical).Length;
        return null;
    }

    /// <summary>Megabytes (10^6 bytes) per second for <paramref name="bytes"/> read in <paramref name="nanoseconds"/>.</summary>
    public static double MegabytesPerSecond(long bytes, double nanoseconds) => bytes / nanoseconds * 1e9 / 1e6;
}
