using Conformance.Harness.Dsl;
using Conformance.Harness.Running;
using Conformance.Harness.Tests.Doubles;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Tests;

public class SessionTests
{
    [Test]
    public async Task An_echoing_module_passes_every_scenario_and_its_echo_is_in_the_trace()
    {
        var (report, trace) = await HarnessRun.RunAsync(new FakeModule(Dialect.Manual, echo: true), HarnessRun.Select("Stat"));

        Assert.That(report.Scenarios.Select(s => s.Outcome), Is.All.EqualTo(Outcome.Passed));
        Assert.That(trace, Does.Contain("< AT+MQTTSTAT?\\r\\n"));
    }

    [Test]
    public async Task Field_dialect_deviations_are_findings_with_the_manual_section_and_fail_only_when_strict()
    {
        var scenarios = HarnessRun.Select(title: "1.3 MQTTSTAT is 1 after CFG");

        var (lenient, _) = await HarnessRun.RunAsync(new FakeModule(Dialect.Field), scenarios);
        var (strict, _) = await HarnessRun.RunAsync(new FakeModule(Dialect.Field), HarnessRun.Select(title: "1.3 MQTTSTAT is 1 after CFG"), options: new RunOptions(Strict: true));

        var finding = lenient.Scenarios[0].Findings.Single();
        Assert.That(lenient.Scenarios[0].Outcome, Is.EqualTo(Outcome.Passed));
        Assert.That((finding.Code, finding.Section), Is.EqualTo(("no-space-after-colon", "1.3")));
        Assert.That(strict.Scenarios[0].Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(strict.Scenarios[0].Message, Does.StartWith("strict: 1 finding(s), first note §1.3 no-space-after-colon"));
    }

    [Test]
    public async Task A_scenario_needing_what_the_target_cannot_provide_is_skipped_with_the_reason()
    {
        var scenario = new Scenario("3.3.5 reconnection after ping timeouts").Requires(Links.Capabilities.BrokerControl).Send(At.Attention()).ExpectOk();

        await using var server = new ModuleServer(() => new FakeModule(Dialect.Manual));
        var (report, trace) = await HarnessRun.RunAsync(server.Target, [new SelectedScenario("Test", scenario)]);

        Assert.That(report.Scenarios[0].Outcome, Is.EqualTo(Outcome.Skipped));
        Assert.That(report.Scenarios[0].Message, Is.EqualTo($"needs broker-control, which {server.Target} cannot provide"));
        Assert.That(trace, Does.Not.Contain("> AT"));
    }

    [Test]
    public async Task Step_durations_follow_the_clock_and_each_record_is_timestamped()
    {
        var (report, trace) = await HarnessRun.RunAsync(new FakeModule(Dialect.Manual), HarnessRun.Select(title: "1.2 open reports +MQTTOPEN: OK after OK"));

        var quiet = report.Scenarios[0].Steps[^1];
        Assert.That(quiet.Description, Is.EqualTo("expect no other URC within 1 s"));
        Assert.That(quiet.Duration, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(trace.Split('\n').Where(l => l.Length > 0 && l[0] != '#'), Is.All.Match(@"^2026-11-25T\d\d:\d\d:\d\d\.\d{6}Z [<>*] "));
    }
}
