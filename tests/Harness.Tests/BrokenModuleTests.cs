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
        yield return Case(Fault.DropSubAck, "1.4 SUB? lists each subscribed topic on its own line", "§1.4 expected +MQTTSUBACK where a => a.Code == qos within 5 s");
        yield return Case(Fault.WrongPacketId, "1.5 QoS 2 publish gets +MQTTPUBREC then +MQTTPUBCOMP with the same packet id", "expected +MQTTPUBCOMP where packet id 1 (from +MQTTPUBREC) within 5 s");
        yield return Case(Fault.WrongPacketId, "1.11 own QoS 2 publish comes back: +MQTTPUBLISH then +MQTTPUBREL with its packet id", "expected +MQTTPUBCOMP where packet id 2 (from +MQTTPUBREC) within 5 s");
        yield return Case(Fault.ErrorInsteadOfOk, "1.2 open reports +MQTTOPEN: OK after OK", "§1.2 AT+MQTTOPEN=1,1,0,0,0,\"\",\"\": expected OK; got 'ERROR'");
        yield return Case(Fault.ErrorInsteadOfOk, "1.7 disconnect answers OK, then +MQTTDISC: OK, and stays disconnected", "§1.2 AT+MQTTOPEN=1,1,0,0,0,\"\",\"\": expected OK; got 'ERROR'");
        // Fails as soon as the line comes, not after the 15 s wait: the expected form will not come.
        yield return Case(Fault.OpenResultAsNumber, "1.2 open reports +MQTTOPEN: OK after OK",
            "§1.2 expected +MQTTOPEN where o => o.Ok within 15 s; got '+MQTTOPEN: 0' (trace line 23), which cannot be read: result must be OK or FAIL, got '0'");
        yield return Case(Fault.LateUrc, "1.2 open reports +MQTTOPEN: OK after OK", "expected +MQTTOPEN where o => o.Ok within 15 s");
        yield return Case(Fault.WrongMqttStat, "1.3 MQTTSTAT is 1 after CFG", "expected MqttStatus where s => s.State == MqttState.Initialised; got '+MQTTSTAT");
        yield return Case(Fault.LyingPayloadLength, "1.11 own QoS 2 publish comes back: +MQTTPUBLISH then +MQTTPUBREL with its packet id", "expected +MQTTPUBLISH where topic \"dev/gsm/u\" and message \"update message\"");
        yield return Case(Fault.LyingPayloadLength, "1.11 a message with commas, quotes and a line end arrives whole", "expected +MQTTPUBLISH where topic \"dev/gsm/u\" and message \"a,b \"quoted\",\r\nnext line\"");
        yield return Case(Fault.AcceptsBadArguments, "1.1 a port out of range is refused with +CME ERROR: 601", "§1.1 AT+MQTTCFG=\"183.230.40.39\",65536,");
        // The answer stays readable after a CFG that lacks its password field: only the password is masked.
        yield return Case(Fault.AcceptsBadArguments, "1.1 a CFG with a field missing is refused with +CME ERROR: 601",
            "§1.1 AT+MQTTCFG=\"183.230.40.39\",6002,\"4069959\",60,\"75829\": expected +CME ERROR: 601; got 'OK' (trace line");
        yield return Case(Fault.AcceptsBadArguments, "1.4 a QoS of 3 is refused with +CME ERROR: 601", "§1.4 AT+MQTTSUB=\"dev/gsm/u\",3: expected +CME ERROR: 601; got 'OK'");
        yield return Case(Fault.AcceptsBadArguments, "1.5 a message_len that does not count the hex bytes is refused with +CME ERROR: 601", "AT+MQTTPUB=\"dev/gsm/u\",1,0,0,5,7E7A7A: expected +CME ERROR: 601; got 'OK'");
        yield return Case(Fault.KeepsSubscription, "1.6 no publishes arrive after unsubscribing", "§1.6 unexpected URC '+MQTTPUBLISH");
        yield return Case(Fault.RestartsOnSub, "1.4 subscribe is acknowledged with the granted QoS",
            "no final result: the module restarted ('REBOOT_CAUSE_SECURITY_RESET_PIN', trace line");
        yield return Case(Fault.OkTwiceForCfg, "1.3 MQTTSTAT is 1 after CFG",
            "error §1.1 final-without-command: 'OK' arrived while no command was pending (the last command, AT+MQTTCFG=\"183.230.40.39\"");
        yield return Case(Fault.OverlongLineOnStat, "1.3 MQTTSTAT is 0 without an instance", "§1.11 line-too-long: a line of 70014 bytes starting '+MQTTPINGRSP: XXX");
        yield return Case(Fault.OkWithoutLineEnd, "1.3 MQTTSTAT is 1 after CFG", "§1.3 AT+MQTTSTAT? (trace line 20): no final result: 'OK' came without a line end (trace line 23)");
        yield return Case(Fault.ErrorThenOk, "1.3 MQTTSTAT is 1 after CFG", "\"***\",1: expected OK; got 'ERROR' (trace line 19)");
        yield return Case(Fault.UnknownCmeCode, "1.1 a port out of range is refused with +CME ERROR: 601",
            "expected +CME ERROR: 601; got '+CME ERROR: 9999' (trace line 19): 9999 is not in the manual's table");
        yield return Case(Fault.DropsPayloadByte, "1.5 a text message arrives as typed", "with message \"update essage\\r\" (14 bytes)");
        yield return Case(Fault.PasswordEchoed, "1.1 CFG? reads back the settings with the password masked", "§1.1 AT+MQTTCFG?: expected MqttConfig where c => c.IsPasswordMasked");
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
            Assert.That(result.Message, Does.Not.Contain(HarnessRun.Parameters.ApiKey), "a failure never quotes the API key");
            Assert.That(result.Findings.Select(f => f.Message), Has.None.Contains(HarnessRun.Parameters.ApiKey));
        }
    }

    [TestCase(Fault.NoiseBeforeLines, "noise", "3 byte(s) that form no line (first 0x00)")]
    [TestCase(Fault.GarbageBetweenLines, "garbled-output", "the module's output is not text at 3 lines, the first at trace line 22 (0xE6 0x80 0x98 0x80 …)")]
    [TestCase(Fault.DebugPrintInAnswer, "free-text", "'[mqtt] state machine tick' is no AT syntax; it arrived inside the answer to AT+MQTTSTAT?")]
    [TestCase(Fault.EchoInLowerCase, "echo-mismatch", "the echo 'at+mqttstat?' differs from the command sent, AT+MQTTSTAT?")]
    public async Task A_module_off_the_manual_in_form_only_passes_and_the_difference_is_reported(Fault fault, string code, string message)
    {
        var (report, _) = await HarnessRun.RunAsync(new FakeModule(Dialect.Manual, fault), HarnessRun.Select(title: "1.3 MQTTSTAT is 1 after CFG"));

        var result = report.Scenarios.Single();
        Assert.That(result.Outcome, Is.EqualTo(Outcome.Passed), result.Message);
        Assert.That(result.Findings.Where(f => f.Code == code).Select(f => f.Message), Has.Some.Contains(message));
    }

    private const string TextMessage = "1.5 a text message arrives as typed", HexMessage = "1.5 a hex message arrives as the bytes it encodes";

    // On the next line or inline, the message is its line, and the count that does not match it is named.
    [TestCase(Dialect.Manual, TextMessage, "§1.11 message-len-mismatch: msg_len is 16 but the message has 14 bytes (trace line 32)")]
    [TestCase(Dialect.Manual, HexMessage, "§1.11 message-len-mismatch: msg_len is 5 but the message has 3 bytes (trace line 32)")]
    [TestCase(Dialect.Field, TextMessage, "§1.11 message-len-mismatch: msg_len is 16 but the message has 14 bytes (trace line 32)")]
    [TestCase(Dialect.Field, HexMessage, "§1.11 message-len-mismatch: msg_len is 5 but the message has 3 bytes (trace line 32)")]
    public async Task A_publish_whose_msg_len_is_wrong_is_shown_with_the_message_it_was_read_with(Dialect dialect, string title, string message)
    {
        var (report, _) = await HarnessRun.RunAsync(new FakeModule(dialect, Fault.LyingPayloadLength), HarnessRun.Select(title: title));

        Assert.That(report.Scenarios.Single().Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(report.Scenarios.Single().Message, Does.Contain(message));
    }

    [Test]
    public async Task A_topic_sent_back_in_GBK_fails_and_the_message_says_it_was_not_UTF8()
    {
        var parameters = HarnessRun.Parameters with { Topic = "测试/u" };
        var (report, _) = await HarnessRun.RunAsync(new FakeModule(Dialect.Manual, Fault.GbkLines),
            HarnessRun.Select(title: "1.5 a text message arrives as typed", parameters: parameters));

        var result = report.Scenarios.Single();
        Assert.That(result.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(result.Message, Does.Contain("got only '+MQTTPUBLISH: 0,1,0,3,\"测试/u\",14' (trace line 32, not UTF-8: read as GBK)"));
    }

    [Test]
    public async Task A_restart_is_one_finding_and_its_boot_OK_answers_nothing()
    {
        var (report, trace) = await HarnessRun.RunAsync(new FakeModule(Dialect.Manual, Fault.RestartsOnSub),
            HarnessRun.Select(title: "1.4 subscribe is acknowledged with the granted QoS"));

        var findings = report.Scenarios.Single().Findings;
        Assert.That(findings.Select(f => f.Code), Is.EqualTo(new[] { "module-restarted" }), "no unexpected URC for the banner, no stray final for the boot's OK");
        Assert.That(findings[0].Message, Does.Contain("while AT+MQTTSUB=\"dev/gsm/u\",1 was pending"));
        Assert.That(trace, Does.Contain("REBOOT_CAUSE_SECURITY_RESET_PIN"));
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
        var (report, trace) = await HarnessRun.RunAsync(new FakeModule(Dialect.Manual, Fault.Vanish), [.. HarnessRun.Select("Stat"), .. HarnessRun.Select("Cfg")]);

        Assert.That(report.Aborted, Does.Contain("the module closed the link"));
        Assert.That(report.Scenarios.Select(s => s.Outcome), Is.EqualTo(new[] { Outcome.Passed, Outcome.Passed, Outcome.Error }.Concat(Enumerable.Repeat(Outcome.NotRun, 8))));
        Assert.That(trace, Does.Contain("* link lost: the module closed the link"));
        Assert.That(trace, Does.Contain("* run aborted:"));
    }
}
