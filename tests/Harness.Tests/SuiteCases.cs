using Conformance.Harness.Running;
using Conformance.Harness.Tests.Doubles;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Tests;

/// <summary>Every scenario of the suite catalog, as its own test case, against a conforming module in both dialects.</summary>
public class SuiteCases
{
    public static IEnumerable<TestCaseData> Cases() =>
        from dialect in new[] { Dialect.Manual, Dialect.Field }
        from s in HarnessRun.Select()
        select new TestCaseData(dialect, s.Suite, s.Scenario.Title).SetName($"{dialect} {s.Suite} §{s.Scenario.Title}");

    [TestCaseSource(nameof(Cases))]
    public async Task Scenario_passes_against_a_conforming_module(Dialect dialect, string suite, string title)
    {
        var (report, _) = await HarnessRun.RunAsync(new FakeModule(dialect), HarnessRun.Select(suite, title));

        // The double is a plain AT port: scenarios that need broker control or the platform are skipped on it.
        var result = report.Scenarios.Single();
        Assert.That(result.Outcome, HarnessRun.Select(suite, title).Single().Scenario.Requirements.Count == 0
            ? Is.EqualTo(Outcome.Passed)
            : Is.EqualTo(Outcome.Passed).Or.EqualTo(Outcome.Skipped), result.Message);
    }
}
