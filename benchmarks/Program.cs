using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Conformance.Benchmarks.Check;
using Conformance.Benchmarks.Reporting;

// `check [--update-baseline]` is the regression check; anything else goes to BenchmarkDotNet (e.g. --filter '*').
if (args is ["check", .. var options]) return RegressionCheck.Run(options);
// `write-log MIB FILE`: a Tera Term-style log of that size for benchmarks/scale (never kept in the repository).
if (args is ["write-log", var mebibytes, var path])
{
    File.WriteAllBytes(path, Conformance.Corpora.TimestampedLog.Generate(int.Parse(mebibytes, System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024).Bytes);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(ThroughputColumn).Assembly)
    // The GC settings of the `conformance` command (non-concurrent), applied to whatever --job is given.
    .Run(args, DefaultConfig.Instance.AddJob(Job.Default.WithGcConcurrent(false).AsMutator()).AddColumn(new ThroughputColumn(), new LineTimeColumn()));
return 0;
