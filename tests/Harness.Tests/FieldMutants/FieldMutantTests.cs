using Conformance.Harness.Running;
using Conformance.Harness.Tests.Doubles;

namespace Conformance.Harness.Tests.FieldMutants;

/// <summary>
/// Firmware that breaks the manual in ways shipping modules do fails the section it breaks, saying what came, and
/// nothing else fails; firmware that only differs in form the manual leaves open passes, the difference a finding.
/// </summary>
public class FieldMutantTests
{
    private const string Line = @"\(trace line \d+\)";

    public static IEnumerable<TestCaseData> Breaking()
    {
        TestCaseData Case(FieldMutant mutant, string suite, string says) => new TestCaseData(mutant, suite, says).SetName($"{{m}}: {mutant.Name}");
        yield return Case(FieldFirmware.LowercaseOk, "Stat",
            $@"^§1\.3 AT\+MQTTSTAT\? {Line}: no final result within 5 s; got only '\+MQTTSTAT: \d' {Line}, 'ok' {Line}; 'ok' is no final result: the manual writes OK in upper case$");
        yield return Case(FieldFirmware.OpenUrcFirstNoOk, "Open", $@"^§1\.2 AT\+MQTTOPEN=[^:]* {Line}: no final result within 5 s; got only '\+MQTTOPEN: OK' {Line}$");
        yield return Case(FieldFirmware.OpenAsNumberNoOk, "Open", $@"^§1\.2 AT\+MQTTOPEN=[^:]* {Line}: no final result within 5 s; got only '\+MQTTOPEN: 0' {Line}$");
        yield return Case(FieldFirmware.PublishMissingComma, "Pub",
            $@"^§1\.5 expected \+MQTTPUBLISH where topic ""dev/gsm/u"" .*; got '\+MQTTPUBLISH: 0,1,0,\d+,""dev/gsm/u""\d+' {Line}, which cannot be read: unexpected text after closing quote");
        yield return Case(FieldFirmware.PublishShortLength, "Pub",
            $@"^error §1\.11 message-len-mismatch: msg_len is (2|13) but the message has (3|14) bytes {Line}$");
        yield return Case(FieldFirmware.UnknownCme, "Sub",
            $@"^§1\.4 AT\+MQTTSUB=""dev/gsm/u"",3: expected \+CME ERROR: 601; got '\+CME ERROR: 9999' {Line}: 9999 is not in the manual's table$");
        yield return Case(FieldFirmware.OkTwice, "Stat",
            $@"^error §1\.3 final-without-command: 'OK' arrived while no command was pending \(the last command, AT\+MQTTSTAT\?, was answered at trace line \d+\) {Line}$");
        yield return Case(FieldFirmware.RebootOnSub, "Sub",
            $@"^§1\.4 AT\+MQTTSUB=[^ ]* {Line}: no final result: the module restarted \('REBOOT_CAUSE_SECURITY_RESET_PIN', trace line \d+\)$");
        yield return Case(FieldFirmware.PubAckNeverSent, "Pub", $@"^§1\.5 unexpected URC '\+MQTTPUBACK: 77,1' {Line} after AT\+MQTTPUB=""dev/gsm/u"",0,");
        yield return Case(FieldFirmware.PubAckTwice, "Pub", $@"^(error )?§1\.5 .*'\+MQTTPUBACK: 77,1'.*");
        yield return Case(FieldFirmware.LateAnswer, "Stat", $@"^§1\.3 AT\+MQTTSTAT\? {Line}: no final result within 5 s$");
        // The second OK falls in the reset before each scenario that found the module connected: said there, not forgotten.
        yield return Case(FieldFirmware.DiscOkTwice, "Sub",
            $@"^error §1\.7 final-without-command: 'OK' arrived while no command was pending \(the last command, AT\+MQTTDISC, was answered at trace line \d+\) {Line}$");
        // Where a quiet period follows, any URC fails it; where none does, the +MQTTDISC itself.
        yield return Case(FieldFirmware.SpuriousDisc, "Sub",
            $@"^(§1\.4 unexpected URC '\+MQTTDISC: OK' {Line} after AT\+MQTTSUB=|error §3\.3\.5 unexpected-urc: '\+MQTTDISC: OK' answers nothing: no AT\+MQTTDISC was waiting for it and no reconnection attempt \(\+MQTTREC\) gave up before it)");
    }

    [TestCaseSource(nameof(Breaking))]
    public async Task Firmware_that_breaks_the_manual_fails_that_section_saying_what_came_and_nothing_else(FieldMutant mutant, string suite, string says)
    {
        // The module's late answers run on the run's clock.
        var clock = HarnessRun.NewClock();
        var (report, trace) = await HarnessRun.RunAsync(new ScriptedModule(mutant, clock), HarnessRun.Select(suite), clock);

        // Skipped: a scenario that needs the broker side, which a scripted module has not.
        var failed = report.Scenarios.Where(s => s.Outcome is not (Outcome.Passed or Outcome.Skipped)).ToList();
        Assert.That(failed, Is.Not.Empty, trace);
        Assert.That(failed.Select(s => (s.Outcome, s.Message)), Has.All.Matches<(Outcome Outcome, string? Message)>(
            f => f.Outcome == Outcome.Failed && System.Text.RegularExpressions.Regex.IsMatch(f.Message ?? "", says)),
            string.Join("\n", failed.Select(s => $"{s.Outcome} {s.Title}: {s.Message}")));
    }

    [Test]
    public async Task An_answer_after_its_timeout_ends_that_command_in_the_trace_and_is_not_taken_for_the_next_one_s()
    {
        var clock = HarnessRun.NewClock();
        var (report, trace) = await HarnessRun.RunAsync(new ScriptedModule(FieldFirmware.LateAnswer, clock), HarnessRun.Select("Stat"), clock);

        Assert.That(report.Scenarios[1].Message, Does.EndWith("no final result within 5 s"), "not scenario 1's late +MQTTSTAT: 0 read as scenario 2's");
        Assert.That(trace, Does.Match(@"\* late answer: 'OK' \(trace line \d+\) ends AT\+MQTTSTAT\? \(trace line 17\), after its timeout"));
    }

    [Test]
    public async Task An_answer_still_owed_when_the_next_scenario_begins_is_named_in_that_scenario()
    {
        // 12 s: past the command's timeout and the reset's wait for it, so it lands on the next scenario's AT+MQTTSTAT?.
        var clock = HarnessRun.NewClock();
        var (report, trace) = await HarnessRun.RunAsync(new ScriptedModule(FieldFirmware.LongLateAnswer, clock), HarnessRun.Select("Stat"), clock);

        Assert.That(report.Scenarios.Select(s => s.Outcome), Has.All.EqualTo(Outcome.Failed), trace);
        Assert.That(report.Scenarios[1].Findings.Select(f => f.ToString()), Has.Some.Match(
            @"^warn §1\.3 answer-owed: AT\+MQTTSTAT\? \(trace line 17\) was still unanswered 5 s after its timeout when this scenario began: an answer it gets later would be taken for a command of this scenario"));
    }

    public static IEnumerable<TestCaseData> FormOnly()
    {
        TestCaseData Case(FieldMutant mutant, string suite, string? code) => new TestCaseData(mutant, suite, code).SetName($"{{m}}: {mutant.Name}");
        // The manual frames every line \r\n…\r\n; the working spec (§1, from captures) has hosts take \r, \n and \r\r\n as
        // line ends too: every host built on it reads these answers right, so they pass, the line ends a note.
        yield return Case(FieldFirmware.CrOnly, "Sub", "line-end");
        yield return Case(FieldFirmware.LfOnly, "Pub", "line-end");
        yield return Case(FieldFirmware.CrCrLf, "Stat", "line-end");
        // Echo on is the M5311's default and the harness never turns it off (spec §1: support both).
        yield return Case(FieldFirmware.EchoStuckOn, "Sub", null);
        yield return Case(FieldFirmware.Garbage, "Stat", "noise");
        yield return Case(FieldFirmware.UrcInsideList, "Sub", "unexpected-urc");
        yield return Case(FieldFirmware.PublishExtraSpace, "Pub", "space-around-argument");
        // A URC while an answer is under way; a message "OK" is cut by its msg_len, not taken for the answer's end.
        yield return Case(FieldFirmware.PublishInsideList, "Sub", "unexpected-urc");
        yield return Case(FieldFirmware.PublishBetweenEchoAndAnswer, "Stat", "unexpected-urc");
        yield return Case(FieldFirmware.ReconnectionInsideAnswer, "Stat", "unexpected-urc");
        // The outcome is read as the command's (docs/interpretation.md rule 7); the manual sends OK first.
        yield return Case(FieldFirmware.PubAckBeforeOk, "Pub", "outcome-before-final");
        // Every byte comes, only later: a host reading lines gets the line whole, one ending reads at a pause does not.
        yield return Case(FieldFirmware.SubAckPaused, "Sub", "split-line");
        yield return Case(FieldFirmware.StatPaused, "Stat", "split-line");
        yield return Case(FieldFirmware.PublishPaused, "Pub", "split-line");
        yield return Case(FieldFirmware.OkTrailingSpace, "Stat", "trailing-space");
    }

    [TestCaseSource(nameof(FormOnly))]
    public async Task Firmware_off_the_manual_in_form_only_passes_with_the_difference_reported_and_fails_strict(FieldMutant mutant, string suite, string? code)
    {
        // The module's pauses run on the run's clock.
        var clock = HarnessRun.NewClock();
        var (report, trace) = await HarnessRun.RunAsync(new ScriptedModule(mutant, clock), HarnessRun.Select(suite), clock);

        Assert.That(report.Scenarios.Where(s => s.Outcome is not (Outcome.Passed or Outcome.Skipped)).Select(s => $"{s.Title}: {s.Message}"), Is.Empty, trace);
        var codes = report.Scenarios.SelectMany(s => s.Findings).Select(f => f.Code).Distinct();
        Assert.That(codes, code is null ? Is.Empty : Is.EqualTo(new[] { code }));
        Assert.That(report.Scenarios.SelectMany(s => s.Findings).Select(f => f.Section), Has.None.Empty, "each finding names its section");
        if (code is null) return;
        var strictClock = HarnessRun.NewClock();
        var (strict, _) = await HarnessRun.RunAsync(new ScriptedModule(mutant, strictClock), HarnessRun.Select(suite), strictClock, new RunOptions(Strict: true));
        Assert.That(strict.Scenarios.Select(s => s.Message), Has.Some.StartWith("strict: ").And.Contains(code));
    }
}
