using Conformance.Harness.Mutation;
using Conformance.Harness.Running;
using Conformance.Harness.Tests.Doubles;
using Conformance.Harness.Tracing;
using Microsoft.Extensions.Time.Testing;

namespace Conformance.Harness.Tests;

/// <summary>Mutants of the virtual module against the default suites: each one the suites must notice is noticed.</summary>
[Parallelizable(ParallelScope.Children)]
public class MutationTests
{
    [Test]
    public async Task Probe()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var report = await RunAsync([.. MutantCatalog.All.Where(m => m.Section is "1.11" or "1.4")], [.. HarnessRun.Select("Urc"), .. HarnessRun.Select("Sub")], strict: false);
        foreach (var m in report.Mutants)
            TestContext.Out.WriteLine($"{m.Mutant.Name} {m.Mutant.Kind}: {(m.Killed ? "killed" : "SURVIVED")} {m.Kills.Count} {string.Join(" | ", m.Kills.Take(2).Select(k => k.Title + ": " + k.Message))}");
        foreach (var s in report.Baseline.Scenarios) TestContext.Out.WriteLine($"baseline {s.Title} {s.Outcome} {s.Message}");
        TestContext.Out.WriteLine($"took {watch.Elapsed}");
    }

    internal static Task<MutationReport> RunAsync(IReadOnlyList<Mutant> mutants, IReadOnlyList<SelectedScenario> scenarios, bool strict) =>
        new MutationRunner(InProcessModule.Runs(new RunOptions(strict), new SecretMask([HarnessRun.Parameters.ApiKey]),
                () => new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 22, 40, 41, TimeSpan.Zero)),
                (time, run) => TimePump.RunAsync((FakeTimeProvider)time, run)), parallel: 4)
            .RunAsync(mutants, scenarios, strict);
}
