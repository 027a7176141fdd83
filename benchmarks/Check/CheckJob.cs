using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Conformance.Corpora;
using Conformance.Benchmarks.Reporting;
using Conformance.Benchmarks.Workloads;
using Conformance.Protocol.Framing;

namespace Conformance.Benchmarks.Check;

/// <summary>
/// Runs <see cref="LimitBenchmarks"/> as a short in-process job: few, short iterations and the fastest of them (load on a shared machine only ever adds time), because only
/// the ratios between benchmarks of the same run are compared, not absolute times.
/// </summary>
public static class CheckJob
{
    public static IReadOnlyList<Measurement> Run()
    {
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.DontLogOutput)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(15)
            .WithIterationTime(TimeInterval.FromMilliseconds(100))
            .WithId("Check");
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(new ThroughputColumn(), new LineTimeColumn())
            .AddLogger(ConsoleLogger.Default)
            .WithOptions(ConfigOptions.DisableLogFile);

        TierUp();
        var summary = BenchmarkRunner.Run<LimitBenchmarks>(config);
        var measurements = new List<Measurement>();
        foreach (var report in summary.Reports)
        {
            var benchmark = report.BenchmarkCase;
            var fastest = report.ResultStatistics?.Min
                ?? throw new InvalidOperationException($"{benchmark.DisplayInfo} produced no measurement");
            var corpus = (CorpusKind)benchmark.Parameters["Corpus"];
            measurements.Add(new Measurement(
                corpus,
                benchmark.Descriptor.WorkloadMethod.Name,
                fastest,
                report.GcStats.GetBytesAllocatedPerOperation(benchmark) ?? 0,
                Throughput.Bytes(corpus),
                Throughput.Lines(corpus)));
        }
        return measurements;
    }

    /// <summary>
    /// In process, a benchmark's code is whatever tier the JIT reached when it ran, so the first benchmark of a run
    /// would be measured half-optimised. Calling every workload often enough and then pausing lets the tiered JIT
    /// finish optimising all of them first: each is measured as a long-running reader would run it. Small corpora
    /// of each kind take the same code paths as the measured ones in a fraction of the time.
    /// </summary>
    private static void TierUp()
    {
        var tokenizer = new AtTokenizer();
        foreach (var corpus in Enum.GetValues<CorpusKind>())
        {
            var bytes = ModuleOutput.Generate(corpus, 256 * 1024).Bytes;
            for (var i = 0; i < 40; i++)
            {
                ReferenceScans.BareScan(bytes);
                Tokenize.Frames(tokenizer, bytes, LimitBenchmarks.LargeChunk);
                Tokenize.Urcs(tokenizer, bytes, LimitBenchmarks.LargeChunk);
                ReferenceScans.ReadLineRegex(bytes);
            }
        }
        Thread.Sleep(1000);
    }
}
