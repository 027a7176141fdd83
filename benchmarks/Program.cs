using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Conformance.Benchmarks.Check;
using Conformance.Benchmarks.Reporting;

// `check [--update-baseline]` is the regression check; anything else goes to BenchmarkDotNet (e.g. --filter '*').
if (args is ["check", .. var options]) return RegressionCheck.Run(options);

BenchmarkSwitcher.FromAssembly(typeof(ThroughputColumn).Assembly)
    .Run(args, DefaultConfig.Instance.AddColumn(new ThroughputColumn(), new LineTimeColumn()));
return 0;
