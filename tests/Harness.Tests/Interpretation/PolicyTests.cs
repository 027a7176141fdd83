using Conformance.Corpora;
using Conformance.Harness.Running;
using Conformance.Harness.Tests.Doubles;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Tests.Interpretation;

/// <summary>Each rule of docs/interpretation.md as the harness session applies it.</summary>
public class PolicyTests
{
    private static PolicyCase Case(string rule) => PolicyCase.All.Single(c => c.Rule == rule);

    [Test]
    public async Task An_outcome_before_its_ok_is_the_command_outcome_and_a_finding()
    {
        var (_, session, replies) = await SameEventsTests.HarnessReadsAsync(Case("outcome-before-final"));
        await using var _ = session;

        Assert.That(replies.Select(r => r.FinalText), Is.All.EqualTo("OK"));
        var open = session.TakeUnclaimed().Single();
        Assert.That(open.Value, Is.TypeOf<Protocol.Responses.MqttOpenResult>());
        Assert.That(open.Parsed.Deviations.Select(d => (d.Code, d.Section)), Does.Contain(("outcome-before-final", "1.2")));
        Assert.That(session.TakeStray(), Is.Empty);
    }

    [Test]
    public async Task A_module_sending_the_outcome_before_ok_passes_with_a_finding_that_strict_fails()
    {
        const string Title = "1.2 open reports +MQTTOPEN: OK after OK";

        var (lenient, _) = await HarnessRun.RunAsync(new FakeModule(Dialect.Manual, Fault.OutcomeBeforeOk), HarnessRun.Select(title: Title));
        var (strict, _) = await HarnessRun.RunAsync(new FakeModule(Dialect.Manual, Fault.OutcomeBeforeOk), HarnessRun.Select(title: Title), options: new RunOptions(Strict: true));

        Assert.That(lenient.Scenarios[0].Outcome, Is.EqualTo(Outcome.Passed), lenient.Scenarios[0].Message);
        Assert.That(lenient.Scenarios[0].Findings.Select(f => (f.Code, f.Section)), Is.EqualTo(new[] { ("outcome-before-final", "1.2") }));
        Assert.That(strict.Scenarios[0].Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(strict.Scenarios[0].Message, Does.StartWith("strict: 1 finding(s), first note §1.2 outcome-before-final"));
    }

    [Test]
    public async Task A_module_slow_in_real_time_is_judged_as_a_quick_one_on_protocol_time()
    {
        // 300 ms of real time before each answer, as on a loaded machine: longer than the pump's pauses add up to
        // over a command's 5 s. The clock waits for answers on their way, so no OK arrives after its deadline.
        var slow = new FakeModule(Dialect.Manual, Fault.OutcomeBeforeOk, lag: TimeSpan.FromMilliseconds(300));

        var (report, _) = await HarnessRun.RunAsync(slow, HarnessRun.Select(title: "1.2 open reports +MQTTOPEN: OK after OK"));

        Assert.That(report.Scenarios[0].Outcome, Is.EqualTo(Outcome.Passed), report.Scenarios[0].Message);
        Assert.That(report.Scenarios[0].Findings.Select(f => f.Code), Is.EqualTo(new[] { "outcome-before-final" }));
    }

    [Test]
    public async Task A_final_result_with_nothing_pending_is_a_stray_finding_not_a_urc()
    {
        var (_, session, replies) = await SameEventsTests.HarnessReadsAsync(Case("final-without-command"));
        await using var _ = session;

        Assert.That(session.TakeUnclaimed(), Is.Empty);
        Assert.That(session.TakeStray().Select(s => s.Deviation.Code), Is.EqualTo(new[] { "final-without-command" }));
        Assert.That(replies.Single().FinalText, Is.EqualTo("OK"));
    }

    [Test]
    public async Task A_line_starting_with_AT_that_is_not_the_echo_is_information()
    {
        var (_, session, replies) = await SameEventsTests.HarnessReadsAsync(Case("at-information"));
        await using var _ = session;

        Assert.That(replies.Single().Information.Select(i => i.Text), Is.EqualTo(new[] { "AT version:1.7.4.0(May 11 2020 19:13:04)", "SDK version:3.0.4(9532ceb)" }));
        Assert.That(replies.Single().Echoed, Is.False);
    }

    [Test]
    public async Task Whitespace_only_lines_are_dropped()
    {
        var (_, session, replies) = await SameEventsTests.HarnessReadsAsync(Case("whitespace-dropped"));
        await using var _ = session;

        Assert.That(replies.Single().Information.Select(i => i.Text), Is.EqualTo(new[] { "+CSQ: 17,99" }));
    }

    [Test]
    public async Task Free_text_is_never_a_urc()
    {
        var (_, session, replies) = await SameEventsTests.HarnessReadsAsync(Case("free-text"));
        await using var _ = session;

        Assert.That(session.TakeUnclaimed(), Is.Empty);
        Assert.That(session.TakeStray().Select(s => s.Deviation.Code), Is.EqualTo(Enumerable.Repeat("free-text", 4)));
        Assert.That(replies.Single().Information.Select(i => i.Text), Is.EqualTo(new[] { "+CPIN: READY" }));
    }

    [Test]
    public async Task A_prompt_is_not_an_answer_and_the_command_ends_with_its_final_result()
    {
        var (_, session, replies) = await SameEventsTests.HarnessReadsAsync(Case("prompt-and-data"));
        await using var _ = session;

        Assert.That(replies.Select(r => r.FinalText), Is.EqualTo(new[] { "OK", "OK" }));
        Assert.That(replies[0].Information, Is.Empty);
        Assert.That(replies[1].Information.Select(i => i.Text), Is.EqualTo(new[] { "SEND OK" }));
    }

    [Test]
    public async Task Boot_banners_are_urcs()
    {
        var (_, session, _) = await SameEventsTests.HarnessReadsAsync(Case("boot-banners"));
        await using var _ = session;

        Assert.That(session.TakeUnclaimed().Select(u => u.Text), Is.EqualTo(new[] { "RDY", "*ATREADY: 1", "+CPIN: READY", "SMS DONE", "ready", "WIFI GOT IP" }));
    }

    [Test]
    public async Task A_doubled_echo_is_the_echo()
    {
        var (_, session, replies) = await SameEventsTests.HarnessReadsAsync(Case("doubled-echo"));
        await using var _ = session;

        Assert.That(replies.Single().Echoed, Is.True);
        Assert.That(replies.Single().Information.Select(i => i.Text), Is.EqualTo(new[] { "+CSQ: 20,99" }));
    }
}
