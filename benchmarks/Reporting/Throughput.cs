using System.Collections.Concurrent;
using BenchmarkDotNet.Running;
using Conformance.Benchmarks.Workloads;
using Conformance.Corpora;

namespace Conformance.Benchmarks.Reporting;

/// <summary>What one operation of a benchmark reads, so its time becomes MB/s and ns per line.</summary>
public static class Throughput
{
    private static readonly ConcurrentDictionary<CorpusKind, int> LineCounts = new();

    /// <summary>The corpus one operation reads; null for the benchmarks that read none (command formatting).</summary>
    public static CorpusKind? CorpusOf(BenchmarkCase benchmark)
    {
        if (benchmark.Parameters["Corpus"] is CorpusKind kind) return kind;
        if (benchmark.Descriptor.Type == typeof(AnalyzerBenchmarks)) return CorpusKind.Typical;
        return null;
    }

    public static long Bytes(CorpusKind corpus) => ModuleOutput.Get(corpus).Bytes.Length;

    /// <summary>Lines of the corpus as the bare scan counts them (the limit's unit of work), counted once per corpus.</summary>
    public static int Lines(CorpusKind corpus) => LineCounts.GetOrAdd(corpus, kind => ReferenceScans.BareScan(ModuleOutput.Get(kind).Bytes));

    /// <summary>Megabytes (10^6 bytes) per second for <paramref name="bytes"/> read in <paramref name="nanoseconds"/>.</summary>
    public static double MegabytesPerSecond(long bytes, double nanoseconds) => bytes / nanoseconds * 1e9 / 1e6;

    public static double NanosecondsPerLine(long lines, double nanoseconds) => nanoseconds / lines;
}
