using System.Text.RegularExpressions;
using Conformance.Harness.Running;
using Conformance.Harness.Tests.Doubles;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Tests;

/// <summary>
/// URCs are judged in the order they arrived: a module that sends them in another order, twice, or for another
/// command fails the scenario that checks it, and the message names the trace lines of what came when.
/// </summary>
public class ArrivalOrderTests
{
    private const string QosTwo = "1.5 QoS 2 publish gets +MQTTPUBREC then +MQTTPUBCOMP with the same packet id";

    [TestCase(Fault.PubCompBeforePubRec, "already buffered when the step began")]
    [TestCase(Fault.PubCompBeforePubRecLater, "came while the step waited")]
    public async Task PUBCOMP_before_PUBREC_fails_naming_both_trace_lines(Fault fault, string when)
    {
        foreach (var dialect in new[] { Dialect.Manual, Dialect.Field })
        {
            var (result, trace) = await RunAsync(dialect, fault, QosTwo);

            Assert.That(result.Outcome, Is.EqualTo(Outcome.Failed), $"{dialect}");
            var match = Regex.Match(result.Message!,
                @"'(\+MQTTPUBCOMP:.*?)' \(trace line (\d+), (.*?)\) came before '(\+MQTTPUBREC:.*?)' \(trace line (\d+), (.*?)\): expected \+MQTTPUBREC before \+MQTTPUBCOMP");
            Assert.That(match.Success, result.Message);
            Assert.That(LineOf(trace, int.Parse(match.Groups[2].Value)), Does.Contain(match.Groups[1].Value));
            Assert.That(LineOf(trace, int.Parse(match.Groups[5].Value)), Does.Contain(match.Groups[4].Value));
            Assert.That((match.Groups[3].Value, match.Groups[6].Value), Is.EqualTo((when, when)));
        }
    }

    [Test]
    public async Task PUBCOMP_before_PUBREC_fails_the_self_publish_handshake_too()
    {
        var (result, _) = await RunAsync(Dialect.Manual, Fault.PubCompBeforePubRec,
            "1.11 own QoS 2 publish comes back: +MQTTPUBLISH then +MQTTPUBREL with its packet id");

        Assert.That(result.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(result.Message, Does.Contain("came before '+MQTTPUBREC: 0,"));
    }

    [Test]
    public async Task A_SUBACK_sent_twice_fails_as_a_second_SUBACK_naming_the_first()
    {
        var (result, trace) = await RunAsync(Dialect.Manual, Fault.SubAckTwice, "1.4 subscribe is acknowledged with the granted QoS");

        Assert.That(result.Outcome, Is.EqualTo(Outcome.Failed));
        var match = Regex.Match(result.Message!,
            @"§1\.4 unexpected URC '\+MQTTSUBACK: 1,1,""dev/gsm/u""' \(trace line (\d+)\) after AT\+MQTTSUB=""dev/gsm/u"",1 \(trace line (\d+)\), a second \+MQTTSUBACK \(the first came at trace line (\d+)\)");
        Assert.That(match.Success, result.Message);
        Assert.That(LineOf(trace, int.Parse(match.Groups[1].Value)), Does.Contain("+MQTTSUBACK: 1,1"));
        Assert.That(LineOf(trace, int.Parse(match.Groups[2].Value)), Does.Contain("> AT+MQTTSUB="));
        Assert.That(LineOf(trace, int.Parse(match.Groups[3].Value)), Does.Contain("+MQTTSUBACK: 1,1"));
    }

    [Test]
    public async Task A_URC_no_step_took_is_a_finding_of_its_own_scenario_and_not_of_the_next()
    {
        // This scenario has no quiet period at its end: the second SUBACK of its last SUB is left over.
        var scenarios = HarnessRun.Select(title: "1.4 SUB? lists each subscribed topic on its own line")
            .Concat(HarnessRun.Select(title: "1.3 MQTTSTAT is 1 after CFG")).ToList();
        var (report, _) = await HarnessRun.RunAsync(new FakeModule(Dialect.Manual, Fault.SubAckTwice), scenarios);

        var (listed, stat) = (report.Scenarios[0], report.Scenarios[1]);
        Assert.That(listed.Findings.Where(f => f.Code == "unexpected-urc").Select(f => f.Message), Has.Some.Match(
            @"^'\+MQTTSUBACK: \d+,2,""dev/gsm/u/2""' answers nothing: no AT\+MQTTSUB was waiting for it; it arrived after AT\+MQTTSUB=""dev/gsm/u/2"",2 \(trace line \d+\), a second \+MQTTSUBACK \(the first came at trace line \d+\)$"));
        Assert.That(listed.Outcome, Is.EqualTo(Outcome.Failed), "the second SUBACK answers no subscribe");
        Assert.That(stat.Outcome, Is.EqualTo(Outcome.Passed));
        Assert.That(stat.Findings.Select(f => f.Code), Has.None.EqualTo("unexpected-urc"));
    }

    [Test]
    public async Task A_PUBACK_answering_an_unsubscribe_fails_the_unsubscribe_scenario()
    {
        var (result, _) = await RunAsync(Dialect.Manual, Fault.PubAckForUnsub, "1.6 unsubscribe is acknowledged by +MQTTUNSUBACK");

        Assert.That(result.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(result.Message, Does.Match(@"expected \+MQTTUNSUBACK where .* within 5 s after AT\+MQTTUNSUB=""dev/gsm/u"" \(trace line \d+\); got only '\+MQTTPUBACK: 2,1'"));
    }

    [Test]
    public async Task A_PUBACK_that_came_before_the_publish_is_not_taken_as_its_answer()
    {
        // The stray PUBACK follows AT+MQTTUNSUB; the publish's own PUBACK comes after AT+MQTTPUB and is the one taken.
        var (result, _) = await RunAsync(Dialect.Manual, Fault.ExtraPubAckAfterUnsub, "1.6 no publishes arrive after unsubscribing");

        Assert.That(result.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(result.Message, Does.Match(@"§1\.6 unexpected URC '\+MQTTPUBACK: 3,1' \(trace line \d+\) after AT\+MQTTUNSUB=""dev/gsm/u"" \(trace line \d+\)$"));
        Assert.That(result.Steps.Single(s => s.Description.StartsWith("expect +MQTTPUBACK")).Outcome, Is.EqualTo(Outcome.Passed));
    }

    [TestCase(Fault.SubAckUnasked, @"'\+MQTTSUBACK: 1,1,""dev/gsm/u""' answers nothing: no AT\+MQTTSUB was waiting for it; it arrived after AT\+MQTTSTAT\? \(trace line \d+\)")]
    [TestCase(Fault.UnsubAckUnasked, @"'\+MQTTUNSUBACK: 1' answers nothing: no AT\+MQTTUNSUB was waiting for it; it arrived after AT\+MQTTSTAT\? \(trace line \d+\)")]
    [TestCase(Fault.PubAckUnasked, @"'\+MQTTPUBACK: 1,1' answers nothing: no QoS 1 AT\+MQTTPUB was waiting for it; it arrived after AT\+MQTTSTAT\? \(trace line \d+\)")]
    public async Task An_ACK_that_answers_no_command_fails_the_scenario_also_without_a_quiet_period(Fault fault, string message)
    {
        // This scenario ends at the OK of its AT+MQTTSTAT?: the ACK after it is left over, not caught by a "no other URC" step.
        var (result, _) = await RunAsync(Dialect.Manual, fault, "1.3 MQTTSTAT is 1 after CFG");

        Assert.That(result.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(result.Message, Does.Match(@"^error §1\.11 unexpected-urc: " + message));
    }

    [Test]
    public async Task An_ACK_of_a_command_the_scenario_did_not_wait_on_is_only_a_finding()
    {
        // The subscriptions read back by SUB? are each acknowledged; none answers nothing.
        var (result, _) = await RunAsync(Dialect.Manual, Fault.None, "1.4 SUB? lists each subscribed topic on its own line");

        Assert.That(result.Outcome, Is.EqualTo(Outcome.Passed), result.Message);
    }

    [Test]
    public async Task A_scenario_run_twice_judges_the_second_run_by_its_own_packet_ids()
    {
        // An id captured in the first run must not make the second run's early PUBCOMP look like a stranger.
        var scenarios = HarnessRun.Select(title: QosTwo);
        var (report, _) = await HarnessRun.RunAsync(new FakeModule(Dialect.Manual, Fault.PubCompBeforePubRec), [.. scenarios, .. scenarios]);

        Assert.That(report.Scenarios.Select(s => s.Outcome), Is.EqualTo(new[] { Outcome.Failed, Outcome.Failed }));
        Assert.That(report.Scenarios[1].Message, Does.Contain("came before '+MQTTPUBREC: 0,"));
    }

    private static async Task<(ScenarioResult Result, string Trace)> RunAsync(Dialect dialect, Fault fault, string title)
    {
        // The module's late answers wait on the run's clock.
        var clock = HarnessRun.NewClock();
        var (report, trace) = await HarnessRun.RunAsync(new FakeModule(dialect, fault, clock), HarnessRun.Select(title: title), clock);
        return (report.Scenarios.Single(), trace);
    }

    private static string LineOf(string trace, int line) => trace.Split('\n')[line - 1];
}
