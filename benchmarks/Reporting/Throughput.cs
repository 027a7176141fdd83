using System.Collections.Concurrent;
using BenchmarkDotNet.Running;
using Conformance.Benchmarks.Workloads;
using Conformance.Corpora;

namespace Conformance.Benchmarks.Reporting;

/// <summary>What one operation of a benchmark reads, so its time becomes MB/s and ns per line.</summary>
public static class Throughput
{
    private static readonly ConcurrentDictionary<string, Input> Inputs = new();

    /// <summary>Bytes and lines (as the bare scan counts them) one operation reads.</summary>
    public readonly record struct Input(long Bytes, long Lines);

    /// <summary>What one operation reads, counted once per input; null for the benchmarks that read none (command formatting).</summary>
    public static Input? InputOf(BenchmarkCase benchmark)
    {
        if (benchmark.Parameters["Corpus"] is CorpusKind kind) return Of(kind);
        var type = benchmark.Descriptor.Type;
        if (type == typeof(AnalyzerBenchmarks)) return Of(CorpusKind.Typical);
        if (type == typeof(TimestampedLogBenchmarks)) return Inputs.GetOrAdd(type.Name, _ => Of(TimestampedLog.Get().Bytes));
        if (type == typeof(ParallelBenchmarks))
            return Inputs.GetOrAdd(type.Name, _ => new ParallelWorkload.Sizes() is var all ? new Input(all.Bytes, all.Lines) : default);
        return null;
    }

    public static Input Of(CorpusKind corpus) => Inputs.GetOrAdd(corpus.ToString(), _ => Of(ModuleOutput.Get(corpus).Bytes));

    private static Input Of(byte[] bytes) => new(bytes.Length, ReferenceScans.BareScan(bytes));

    /// <summary>Megabytes (10^6 bytes) per second for <paramref name="bytes"/> read in <paramref name="nanoseconds"/>.</summary>
    public static double MegabytesPerSecond(long bytes, double nanoseconds) => bytes / nanoseconds * 1e9 / 1e6;

    public static double NanosecondsPerLine(long lines, double nanoseconds) => nanoseconds / lines;
}
