using Conformance.Protocol.Secrets;
using Conformance.Harness.Mutation;
using Conformance.Harness.Running;
using Conformance.Harness.Tests.Doubles;
using Conformance.Harness.Tracing;
using Microsoft.Extensions.Time.Testing;

namespace Conformance.Harness.Tests;

/// <summary>Mutants of the virtual module against the default suites: each misbehaviour is caught by the scenario that checks it.</summary>
[Parallelizable(ParallelScope.Children)]
public class MutationTests
{
    public static IEnumerable<TestCaseData> Representatives()
    {
        yield return Case("drop-suback", "1.4 subscribe is acknowledged with the granted QoS", "expected +MQTTSUBACK where a => a.Code == 1 within 5 s");
        yield return Case("duplicate-suback", "1.4 subscribe is acknowledged with the granted QoS", "unexpected URC '+MQTTSUBACK: 1,1,\"dev/gsm/u\"'");
        yield return Case("duplicate-sub-list-topic", "1.4 SUB? lists each subscribed topic on its own line", "expected the SubscribedTopic lines where");
        yield return Case("late-puback", "1.5 QoS 1 publish is acknowledged by +MQTTPUBACK", "expected +MQTTPUBACK within 5 s");
        yield return Case("pubcomp-wrong-packet-id", "1.5 QoS 2 publish gets +MQTTPUBREC then +MQTTPUBCOMP with the same packet id", "got only '+MQTTPUBCOMP: 0,2'");
        yield return Case("stat-5-says-4", "1.3 MQTTSTAT is 5 when connected, 2 after DISC, 0 after DEL", "got '+MQTTSTAT: 4'");
        yield return Case("cme-601-says-602", "1.4 a QoS of 3 is refused with +CME ERROR: 601", "expected +CME ERROR: 601; got '+CME ERROR: 602'");
        yield return Case("cgatt-detached", "4.1 registered and attached", "got '+CGATT: 0'");
        yield return Case("publish-payload-corrupted", "1.5 a text message arrives as typed", "expected +MQTTPUBLISH where topic \"dev/gsm/u\" and message \"update message\"");
        yield return Case("publish-msg-len-in-characters", "1.11 a UTF-8 message arrives with msg_len in bytes, not characters", "message-len-mismatch: msg_len is 6 but the message has 12 bytes");
        yield return Case("publish-qos-downgraded", "1.11 +MQTTPUBLISH carries the delivered QoS, dup 0 and retained 0 for a live message", "m.Qos == 1");
        yield return Case("password-echoed", "1.1 CFG? reads back the settings with the password masked", "expected MqttConfig where c => c.IsPasswordMasked");
        yield return Case("swap-pubrec-pubcomp", "1.5 QoS 2 publish gets +MQTTPUBREC then +MQTTPUBCOMP with the same packet id", "came before '+MQTTPUBREC: 0,");
        // Nothing on the AT side tells a wrong acknowledgement id: the scenarios compare it with the request on the wire.
        yield return Case("puback-wrong-packet-id", "1.5 QoS 1 publish is acknowledged by +MQTTPUBACK", "the PUBLISH the module sent carried");
        yield return Case("suback-wrong-packet-id", "1.4 subscribe is acknowledged with the granted QoS", "the SUBSCRIBE the module sent carried");
        yield return Case("unsuback-wrong-packet-id", "1.6 unsubscribe is acknowledged by +MQTTUNSUBACK", "the UNSUBSCRIBE the module sent carried");
        yield return Case("suback-qos-upgraded", "1.4 QoS 0 and QoS 2 are granted as asked, each SUBACK naming its topic", "+MQTTSUBACK");
        // The module that echoes the QoS asked is right while the broker grants it: only a broker granting less tells.
        yield return Case("suback-reports-asked-qos", "1.4 +MQTTSUBACK reports the QoS the broker granted, below the one asked",
            "got only '+MQTTSUBACK: 1,2,\"dev/gsm/u/granted\"'");
        yield return Case("publish-marked-dup", "1.11 +MQTTPUBLISH carries the delivered QoS, dup 0 and retained 0 for a live message", "m.Dup == 0");
        yield return Case("reconnect-after-disc", "3.3.5 a deliberate AT+MQTTDISC never triggers reconnection", "unexpected URC '+MQTTREC: 0'");
        // A reply of a single line must be that line alone, before the final result, which closes it.
        yield return Case("duplicate-csq-line", "4.1 signal quality in range", "AT+CSQ: expected one information line, SignalQuality where");
        yield return Case("csq-after-ok", "4.1 signal quality in range", "AT+CSQ: expected SignalQuality where q => q.Rssi is >= 0 and <= 31 or 99; got no information line");
        yield return Case("duplicate-pub-ok", "4.2 create, log in, subscribe, publish, upload, log out, delete", "final-without-command: 'OK' arrived while no command was pending");
        yield return Case("late-pub-ok", "1.5 QoS 1 publish is acknowledged by +MQTTPUBACK", "no final result within 5 s");
        yield return Case("cme-error-plain", "1.4 a QoS of 3 is refused with +CME ERROR: 601", "expected +CME ERROR: 601; got 'ERROR'");
        yield return Case("disc-urc-fail", "1.7 disconnect answers OK, then +MQTTDISC: OK, and stays disconnected", "got '+MQTTDISC: FAIL'");
        yield return Case("disc-ok-twice", "1.7 disconnect answers OK, then +MQTTDISC: OK, and stays disconnected",
            "final-without-command: 'OK' arrived while no command was pending (the last command, AT+MQTTDISC, was answered at trace line");
        // The scenario ends with AT+MQTTSTAT?, and is the run's last: only the listening after its last step hears the OK that follows.
        yield return Case("stat-ok-again", "1.3 MQTTSTAT is 1 after CFG",
            "error §1.3 final-without-command: 'OK' arrived while no command was pending (the last command, AT+MQTTSTAT?, was answered at trace line");
        // The refused publish is the scenario's last command: the acknowledgement after it answers nothing.
        yield return Case("puback-after-refused-pub", "2 651 AT+MQTTSUB and AT+MQTTPUB without a connection",
            "error §1.11 unexpected-urc: '+MQTTPUBACK: 1,1' answers nothing: no QoS 1 AT+MQTTPUB was waiting for it");
        // Nothing on the AT side says why the acknowledgement never comes: the PUBLISH on the wire does.
        yield return Case("publish-qos-1-sent-as-0", "1.5 QoS 1 publish is acknowledged by +MQTTPUBACK",
            "the +MQTTPUBACK that answers a QoS 1 AT+MQTTPUB the module accepted never came; the module's PUBLISH on the wire is not what the command asked: QoS 0 instead of 1, which no broker acknowledges; it sent PUBLISH \"dev/gsm/u\" QoS 0");
        // The acknowledgement a QoS 1 publish owes is §1.5's, also in a scenario that checks §1.11.
        yield return Case("publish-qos-1-sent-as-0", "1.11 a message with commas, quotes and a line end arrives whole",
            "§1.5 expected +MQTTPUBACK within 5 s after AT+MQTTPUB=");
        // No quiet period follows the subscribe there: the unasked +MQTTDISC fails the scenario by itself.
        yield return Case("disc-urc-unasked", "1.4 SUB? lists each subscribed topic on its own line",
            "error §3.3.5 unexpected-urc: '+MQTTDISC: OK' answers nothing: no AT+MQTTDISC was waiting for it and no reconnection attempt (+MQTTREC) gave up before it");
    }

    private static TestCaseData Case(string mutant, string title, string message) =>
        new TestCaseData(mutant, title, message).SetName($"{mutant} is killed by §{title}");

    [TestCaseSource(nameof(Representatives))]
    public async Task A_semantic_mutant_is_killed_by_the_scenario_checking_its_section(string name, string title, string message)
    {
        var report = await RunAsync(Named(name), () => HarnessRun.Select(title: title), strict: false);

        var result = report.Mutants.Single();
        Assert.That(result.Killed, Is.True, result.Verdict(false));
        Assert.That(result.Kills.Single().Message, Does.Contain(message));
        Assert.That(result.Kills.Single().Message, Does.Not.Contain(HarnessRun.Parameters.ApiKey), "a kill never quotes the API key");
        Assert.That(report.Passed, Is.True);
    }

    [TestCase("stat-no-space", "1.3 MQTTSTAT is 1 after CFG", "§1.3 no-space-after-colon")]
    [TestCase("cme-error-no-space", "1.4 a QoS of 3 is refused with +CME ERROR: 601", "no-space-after-colon")]
    [TestCase("suback-unquoted-topic", "1.4 subscribe is acknowledged with the granted QoS", "§1.11 unquoted-topic")]
    [TestCase("swap-open-ok-urc", "1.2 open reports +MQTTOPEN: OK after OK", "§1.2 outcome-before-final")]
    [TestCase("password-mask-form", "1.1 CFG? reads back the settings with the password masked", "§1.1 password-mask-form")]
    [TestCase("puback-before-ok", "1.5 QoS 1 publish is acknowledged by +MQTTPUBACK", "§1.5 outcome-before-final")]
    [TestCase("suback-before-ok", "1.4 subscribe is acknowledged with the granted QoS", "§1.4 outcome-before-final")]
    [TestCase("ok-trailing-space", "1.3 MQTTSTAT is 0 without an instance", "§1.3 trailing-space")]
    public async Task A_format_only_mutant_survives_by_default_and_dies_under_strict(string name, string title, string finding)
    {
        var lenient = await RunAsync(Named(name), () => HarnessRun.Select(title: title), strict: false);
        var strict = await RunAsync(Named(name), () => HarnessRun.Select(title: title), strict: true);

        Assert.That(lenient.Mutants.Single().Killed, Is.False, lenient.Mutants.Single().Verdict(false));
        Assert.That(lenient.Passed, Is.True);
        Assert.That(strict.Mutants.Single().Killed, Is.True, "under --strict the deviation fails the scenario");
        Assert.That(strict.Mutants.Single().Kills.Single().Message, Does.StartWith("strict: 1 finding(s)").And.Contain(finding));
        Assert.That(strict.Passed, Is.True);
    }

    [Test]
    public async Task A_survivor_fails_the_report_and_names_the_section_nobody_checks()
    {
        // The QoS 0 scenario never subscribes, so nothing it does can notice a SUBACK going missing.
        var report = await RunAsync(Named("drop-suback"), () => HarnessRun.Select(title: "1.5 QoS 0 publish is answered OK and nothing else"), strict: false);

        Assert.That(report.Passed, Is.False);
        Assert.That(report.Score, Is.Zero);
        Assert.That(report.Mutants.Single().Verdict(false), Is.EqualTo("survived: no scenario checks §1.4 for this"));
        var text = new StringWriter();
        MutationText.Write(report, text);
        Assert.That(text.ToString(), Does.Contain("drop-suback §1.4   semantic .").And.Contain("Not checked by any scenario:")
            .And.Contain("drop-suback (§1.4, +MQTTSUBACK never comes): survived: no scenario checks §1.4 for this").And.Contain("FAIL: 1 mutant(s)"));
        var lines = text.ToString().Split('\n');
        Assert.That(lines[1].TrimEnd('\r').Length, Is.EqualTo(lines[2].TrimEnd('\r').Length), "the scenario number stands above its column");
    }

    [Test]
    public void The_catalogue_has_at_least_25_distinct_mutants_each_with_a_section_of_the_manual()
    {
        Assert.That(MutantCatalog.All, Has.Count.GreaterThanOrEqualTo(25));
        Assert.That(MutantCatalog.All.Select(m => m.Name), Is.Unique);
        Assert.That(MutantCatalog.All.Select(m => m.Section), Has.All.Match(@"^[1-4](\.[0-9]+)*$"));
        Assert.That(MutantCatalog.All.Where(m => m.Kind == MutantKind.FormatOnly), Is.Not.Empty);
    }

    private static IReadOnlyList<Mutant> Named(string name) => [MutantCatalog.All.Single(m => m.Name == name)];

    /// <summary>Each run on its own fake clock, moved on gently enough that a loaded machine's broker still answers in time.</summary>
    internal static Task<MutationReport> RunAsync(IReadOnlyList<Mutant> mutants, Func<IReadOnlyList<SelectedScenario>> select, bool strict) =>
        new MutationRunner(InProcessModule.Runs(new RunOptions(strict), new SecretMasker([HarnessRun.Parameters.ApiKey]),
                () => new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 22, 40, 41, TimeSpan.Zero)),
                (time, run) => TimePump.RunAsync((FakeTimeProvider)time, run, TimeSpan.FromMilliseconds(200), TimeSpan.FromMinutes(3))), parallel: 4)
            .RunAsync(mutants, select, strict);
}
