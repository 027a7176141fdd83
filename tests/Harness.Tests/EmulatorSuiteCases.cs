using Conformance.Emulator.Hosting;
using Conformance.Harness.Links;
using Conformance.Harness.Running;
using Conformance.Harness.Tests.Doubles;
using Conformance.Harness.Timing;
using Conformance.Harness.Tracing;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Tests;

/// <summary>Every scenario of the whole catalog, as its own test case, against the in-process virtual module in both dialects.</summary>
[Parallelizable(ParallelScope.Children)]
public class EmulatorSuiteCases
{
    public static IEnumerable<TestCaseData> Cases() =>
        from dialect in new[] { Dialect.Manual, Dialect.Field }
        from s in HarnessRun.Select()
        select new TestCaseData(dialect, s.Suite, s.Scenario.Title).SetName($"emulator:{dialect.ToString().ToLowerInvariant()} {s.Suite} §{s.Scenario.Title}");

    [TestCaseSource(nameof(Cases))]
    public async Task Scenario_passes_against_the_virtual_module(Dialect dialect, string suite, string title)
    {
        var result = await RunAsync(dialect, suite, title);

        Assert.That(result.Outcome, Is.EqualTo(Outcome.Passed), result.Message);
    }

    /// <summary>Runs one scenario on a fresh virtual module, on the virtual clock <c>conformance run</c> uses for it.</summary>
    internal static async Task<ScenarioResult> RunAsync(Dialect dialect, string? suite, string title, Action<EmulatorHost>? preset = null)
    {
        await using var clock = new VirtualClock(HarnessRun.NewClock().GetUtcNow());
        await using var link = new EmulatorLink(dialect, clock, preset);
        var secrets = new SecretMask([HarnessRun.Parameters.ApiKey]);
        using var recorder = new TraceRecorder(TextWriter.Null, clock, link.Target, secrets);
        var report = await new Runner(clock, new RunOptions()).RunAsync(link, HarnessRun.Select(suite, title), recorder);
        return report.Scenarios.Single();
    }
}
