using Conformance.Harness.Running;
using Conformance.Harness.Tests.Doubles;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Tests;

/// <summary>The suites catch non-conformance: a module wrong in one way fails the scenario that checks it, saying why.</summary>
public class BrokenModuleTests
{
    public static IEnumerable<TestCaseData> Faults()
    {
        yield return Case(Fault.DropSubAck, "1.4 subscribe is acknowledged with the granted QoS", "§1.4 expected +MQTTSUBACK where a => a.Code == 1 within 5 s");
        yield return Case(Fault.WrongPacketId, "3.3.2 login, subscribe, publish QoS 2 to itself", "expected +MQTTPUBCOMP where packet id 2 (from +MQTTPUBREC) within 5 s");
        yield return Case(Fault.ErrorInsteadOfOk, "1.2 open reports +MQTTOPEN: OK after OK", "§1.2 AT+MQTTOPEN=1,1,0,0,0,\"\",\"\": expected OK, got 'ERROR'");
        yield return Case(Fault.LateUrc, "1.2 open reports +MQTTOPEN: OK after OK", "expected +MQTTOPEN where o => o.Ok within 15 s");
        yield return Case(Fault.WrongMqttStat, "1.3 MQTTSTAT is 1 after CFG", "expected MqttStatus where s => s.State == MqttState.Initialised, got '+MQTTSTAT");
        yield return Case(Fault.LyingPayloadLength, "3.3.2 login, subscribe, publish QoS 2 to itself", "expected +MQTTPUBLISH where topic \"dev/gsm/u\" and message \"update message\"");
    }

    private static TestCaseData Case(Fault fault, string title, string message) =>
        new TestCaseData(fault, title, message).SetName($"{fault} fails §{title}");

    [TestCaseSource(nameof(Faults))]
    public async Task The_scenario_checking_the_behaviour_fails_and_says_why(Fault fault, string title, string message)
    {
        foreach (var dialect in new[] { Dialect.Manual, Dialect.Field })
        {
            var (report, _) = await HarnessRun.RunAsync(new FakeModule(dialect, fault), HarnessRun.Select(title: title));

            var result = report.Scenarios.Single();
            Assert.That(result.Outcome, Is.EqualTo(Outcome.Failed), $"{dialect}");
            Assert.That(result.Message, Does.Contain(message), $"{dialect}");
        }
    }

    [Test]
    public async Task Only_the_scenarios_that_depend_on_the_broken_behaviour_fail()
    {
        var (report, _) = await HarnessRun.RunAsync(new FakeModule(Dialect.Manual, Fault.WrongMqttStat), HarnessRun.Select());

        Assert.That(report.Scenarios.Where(s => s.Outcome is not (Outcome.Passed or Outcome.Skipped)).Select(s => s.Title),
            Is.EqualTo(new[] { "1.3 MQTTSTAT is 1 after CFG" }));
    }

    [Test]
    public async Task A_module_that_vanishes_ends_the_run_with_a_clear_error_and_a_partial_report()
    {
        var (report, trace) = await HarnessRun.RunAsync(new FakeModule(Dialect.Manual, Fault.Vanish), HarnessRun.Select("Client"));

        Assert.That(report.Aborted, Does.Contain("the module closed the link"));
        Assert.That(report.Scenarios.Select(s => s.Outcome), Is.EqualTo(new[] { Outcome.Passed, Outcome.Error, Outcome.NotRun }));
        Assert.That(trace, Does.Contain("* link lost: the module closed the link"));
        Assert.That(trace, Does.Contain("* run aborted:"));
    }
}
