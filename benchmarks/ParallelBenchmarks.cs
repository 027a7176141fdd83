using BenchmarkDotNet.Attributes;
using Conformance.Benchmarks.Workloads;

namespace Conformance.Benchmarks;

/// <summary>
/// <see cref="ParallelWorkload.Logs"/> logs analysed one per worker, by one worker and by two: the speed-up a fleet run
/// gets from a second core. Ratio is relative to one worker.
/// </summary>
[MemoryDiagnoser]
public class ParallelBenchmarks
{
    private ParallelWorkload? _logs;

    [GlobalSetup]
    public void Setup() => _logs = new ParallelWorkload();

    [GlobalCleanup]
    public void Cleanup() => _logs?.Delete();

    [Benchmark(Baseline = true)]
    public long OneWorker() => _logs!.Analyze(1);

    [Benchmark]
    public long TwoWorkers() => _logs!.Analyze(2);
}
