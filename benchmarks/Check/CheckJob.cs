using System.Diagnostics;
using Conformance.Benchmarks.Reporting;
using Conformance.Benchmarks.Workloads;
using Conformance.Corpora;

namespace Conformance.Benchmarks.Check;

/// <summary>
/// The check's own short job over the workloads of <see cref="LimitBenchmarks"/>: every workload runs once per
/// round, rounds alternate between the workloads, and each is represented by its fastest pass. Load from other
/// processes only ever adds time, and since the rounds interleave, a slow phase of the machine hits all workloads
/// alike, so the ratios between them hold.
/// </summary>
/// <remarks>
/// Not a BenchmarkDotNet job on purpose: a short BenchmarkDotNet job calls a 50 ms workload only a few times, so the
/// tiered JIT has not finished optimising it (profile-guided) and the numbers describe start-up code, not a
/// long-running reader. Here every workload first runs until it is fully optimised.
/// </remarks>
public static class CheckJob
{
    /// <summary>Measured passes per workload.</summary>
    public const int Rounds = 7;

    public static IReadOnlyList<Measurement> Run()
    {
        TierUp();
        var measurements = new List<Measurement>();
        foreach (var corpus in Enum.GetValues<CorpusKind>())
        {
            var benchmarks = new LimitBenchmarks { Corpus = corpus };
            benchmarks.Setup();
            try
            {
                var workloads = Workloads(benchmarks);
                var fastest = workloads.ToDictionary(w => w.Name, _ => double.MaxValue);
                var allocated = workloads.ToDictionary(w => w.Name, _ => 0L);
                for (var round = 0; round < Rounds; round++)
                {
                    foreach (var (name, run) in workloads)
                    {
                        // Steady state: the last pass's allocations, once one-off buffers have grown.
                        var before = GC.GetAllocatedBytesForCurrentThread();
                        fastest[name] = Math.Min(fastest[name], Time(run));
                        allocated[name] = GC.GetAllocatedBytesForCurrentThread() - before;
                    }
                }
                foreach (var (name, _) in workloads)
                {
                    measurements.Add(new Measurement(corpus, name, fastest[name], allocated[name], Throughput.Bytes(corpus), Throughput.Lines(corpus)));
                    Console.WriteLine($"{corpus,-9} {name,-17} {Throughput.MegabytesPerSecond(Throughput.Bytes(corpus), fastest[name]),10:N1} MB/s");
                }
            }
            finally
            {
                benchmarks.Cleanup();
            }
        }
        return measurements;
    }

    private static (string Name, Action Run)[] Workloads(LimitBenchmarks b) =>
    [
        (nameof(b.BareScan), () => b.BareScan()),
        (nameof(b.ReadLineRegex), () => b.ReadLineRegex()),
        (nameof(b.Tokenizer), () => b.Tokenizer()),
        (nameof(b.TokenizerAndUrcs), () => b.TokenizerAndUrcs()),
        (nameof(b.Analyzer), () => b.Analyzer()),
    ];

    private static double Time(Action run)
    {
        var start = Stopwatch.GetTimestamp();
        run();
        return Stopwatch.GetElapsedTime(start).TotalNanoseconds;
    }

    /// <summary>
    /// Runs every workload often on small corpora of each kind, then pauses, so the tiered JIT has optimised all of
    /// them (with its profile) before anything is measured: each is measured as a long-running reader runs it.
    /// </summary>
    private static void TierUp()
    {
        foreach (var corpus in Enum.GetValues<CorpusKind>())
        {
            var small = new LimitBenchmarks { Corpus = corpus };
            small.Setup(ModuleOutput.Generate(corpus, 256 * 1024).Bytes);
            try
            {
                for (var i = 0; i < 60; i++)
                {
                    foreach (var (_, run) in Workloads(small)) run();
                }
            }
            finally
            {
                small.Cleanup();
            }
        }
        Thread.Sleep(1000);
    }
}
