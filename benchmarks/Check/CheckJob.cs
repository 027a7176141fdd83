using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Conformance.Benchmarks.Corpus;
using Conformance.Benchmarks.Reporting;

namespace Conformance.Benchmarks.Check;

/// <summary>
/// Runs <see cref="LimitBenchmarks"/> as a short in-process job: few, short iterations and medians, because only
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
            .WithIterationCount(9)
            .WithIterationTime(TimeInterval.FromMilliseconds(200))
            .WithId("Check");
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(new ThroughputColumn())
            .AddLogger(ConsoleLogger.Default)
            .WithOptions(ConfigOptions.DisableLogFile);

        var summary = BenchmarkRunner.Run<LimitBenchmarks>(config);
        var measurements = new List<Measurement>();
        foreach (var report in summary.Reports)
        {
            var benchmark = report.BenchmarkCase;
            var median = report.ResultStatistics?.Median
                ?? throw new InvalidOperationException($"{benchmark.DisplayInfo} produced no measurement");
            var corpus = (CorpusKind)benchmark.Parameters["Corpus"];
            measurements.Add(new Measurement(
                corpus,
                benchmark.Descriptor.WorkloadMethod.Name,
                median,
                report.GcStats.GetBytesAllocatedPerOperation(benchmark) ?? 0,
                ModuleOutput.Get(corpus).Length));
        }
        return measurements;
    }
}
