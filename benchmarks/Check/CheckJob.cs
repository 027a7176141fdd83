using System.Diagnostics;
using Conformance.Benchmarks.Workloads;
using Conformance.Corpora;

namespace Conformance.Benchmarks.Check;

/// <summary>
/// The check's own short job over the workloads of <see cref="LimitBenchmarks"/>, <see cref="TimestampedLogBenchmarks"/>
/// and <see cref="ParallelBenchmarks"/>: per group, every workload runs once per round, rounds alternate between the
/// workloads, and every pass is timed, so the ratios can be taken round by round (<see cref="Ratios.MedianRatio"/>).
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

    /// <summary>The group of the parallel workload: the speed-up of a second worker, reported, not checked (it needs a quiet machine).</summary>
    public const string Parallel = "Parallel";

    /// <summary>The group of the timestamped log.</summary>
    public const string Timestamped = "Timestamped";

    /// <summary>A workload run twice per pass, as a 2x slower version of it would measure; null normally.</summary>
    public static string? Doubled { get; set; }

    /// <summary>Every group's name, in the order they are measured.</summary>
    public static IReadOnlyList<string> Groups { get; } = [.. Enum.GetNames<CorpusKind>(), Timestamped, Parallel];

    /// <summary>Measures <paramref name="groups"/> (all when null), after warming every workload up.</summary>
    /// <param name="groups">The groups to measure; all when null.</param>
    /// <param name="tierUp">False when the process has run every workload already (a second measurement).</param>
    public static IReadOnlyList<Measurement> Run(IReadOnlyCollection<string>? groups = null, bool tierUp = true)
    {
        if (tierUp) TierUp();
        var measurements = new List<Measurement>();
        foreach (var name in Groups.Where(g => groups is null || groups.Contains(g)))
        {
            using var group = Open(name);
            measurements.AddRange(Measure(group));
        }
        return measurements;
    }

    /// <summary>A set of workloads over the same bytes, measured together.</summary>
    private sealed record Group(string Name, long Bytes, long Lines, long Frames, (string Name, Action Run)[] Workloads, Action Cleanup) : IDisposable
    {
        public void Dispose() => Cleanup();
    }

    private static Group Open(string name, bool small = false)
    {
        if (Enum.TryParse<CorpusKind>(name, out var kind))
        {
            var corpus = small ? ModuleOutput.Generate(kind, 256 * 1024) : ModuleOutput.Get(kind);
            var b = new LimitBenchmarks { Corpus = kind };
            b.Setup(corpus.Bytes);
            return new Group(name, corpus.Bytes.Length, ReferenceScans.BareScan(corpus.Bytes), corpus.Frames.Total,
            [
                (nameof(b.BareScan), () => b.BareScan()),
                (nameof(b.ReadLineRegex), () => b.ReadLineRegex()),
                (nameof(b.Tokenizer), () => b.Tokenizer()),
                (nameof(b.TokenizerAndUrcs), () => b.TokenizerAndUrcs()),
                (nameof(b.Analyzer), () => b.Analyzer()),
            ], b.Cleanup);
        }
        if (name == Timestamped)
        {
            var log = small ? TimestampedLog.Generate(256 * 1024).Bytes : TimestampedLog.Get().Bytes;
            var t = new TimestampedLogBenchmarks();
            t.Setup(log);
            return new Group(name, log.Length, ReferenceScans.BareScan(log), 0,
            [
                (nameof(t.BareScan), () => t.BareScan()),
                (nameof(t.ReadLineRegex), () => t.ReadLineRegex()),
                (nameof(t.Reading), () => t.Reading()),
                (nameof(t.Events), () => t.Events()),
                (nameof(t.Analyzer), () => t.Analyzer()),
            ], t.Cleanup);
        }
        var p = new ParallelBenchmarks();
        p.Setup();
        var one = new ParallelWorkload.Sizes();
        return new Group(name, one.Bytes, one.Lines, 0,
        [
            (nameof(p.OneWorker), () => p.OneWorker()),
            (nameof(p.TwoWorkers), () => p.TwoWorkers()),
        ], p.Cleanup);
    }

    private static IEnumerable<Measurement> Measure(Group group)
    {
        group = group with { Workloads = [.. group.Workloads.Select(w => w.Name == Doubled ? (w.Name, () => { w.Run(); w.Run(); }) : w)] };
        var times = group.Workloads.ToDictionary(w => w.Name, _ => new List<double>());
        var allocated = group.Workloads.ToDictionary(w => w.Name, _ => 0L);
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var (name, run) in group.Workloads)
            {
                // Steady state: the last pass's allocations, once one-off buffers have grown.
                var before = GC.GetAllocatedBytesForCurrentThread();
                times[name].Add(group.Name == Parallel ? Wall(run) : ThreadTime.Of(run));
                allocated[name] = GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }
        foreach (var (name, _) in group.Workloads)
        {
            var m = new Measurement(group.Name, name, times[name], allocated[name], group.Bytes, group.Lines, group.Frames);
            Console.WriteLine($"{group.Name,-11} {name,-17} {m.MegabytesPerSecond,10:N1} MB/s");
            yield return m;
        }
    }

    /// <summary>The parallel workload runs on several threads: its time is the wall clock's.</summary>
    private static double Wall(Action run)
    {
        var start = Stopwatch.GetTimestamp();
        run();
        return Stopwatch.GetElapsedTime(start).TotalNanoseconds;
    }

    /// <summary>
    /// Runs every workload often on small corpora of each kind, then pauses, so the tiered JIT has optimised all of
    /// them (with its profile) before anything is measured: each is measured as a long-running reader runs it.
    /// The parallel workload runs the analyzer's code, warmed up here by the other groups.
    /// </summary>
    private static void TierUp()
    {
        foreach (var name in Groups.Where(g => g != Parallel))
        {
            using var small = Open(name, small: true);
            for (var i = 0; i < 60; i++)
            {
                foreach (var (_, run) in small.Workloads) run();
            }
        }
        Thread.Sleep(1000);
    }
}
