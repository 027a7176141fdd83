using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Timeline;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Responses;

namespace Conformance.Analyzer.Tests.Interpretation;

/// <summary>Each rule of docs/interpretation.md as the analyzer applies it.</summary>
public class PolicyTests
{
    private static Analysis Analyze(string rule) => TimelineBuilder.Analyze(PolicyLog.Records(PolicyLog.Case(rule)));

    private static IEnumerable<Diagnostic> Serious(Analysis analysis) => analysis.Diagnostics.Where(d => d.Severity != Severity.Note);

    [Test]
    public void An_outcome_before_its_ok_answers_the_command_and_the_log_ends_connected_with_only_a_note()
    {
        var analysis = Analyze("outcome-before-final");

        Assert.That(Serious(analysis), Is.Empty);
        Assert.That(analysis.StateChanges[^1].To, Is.EqualTo(MqttState.Connected));
        Assert.That(analysis.Urcs.Single().CommandLine, Is.EqualTo(3), "+MQTTOPEN answers the AT+MQTTOPEN on line 3");
        Assert.That(analysis.Diagnostics.Where(d => d.Code == DiagnosticCodes.Deviation.Code).Select(d => d.Message),
            Has.One.StartWith("outcome-before-final (manual §1.2)"));
    }

    [Test]
    public void A_final_result_with_nothing_pending_is_a_note_and_answers_nothing()
    {
        var analysis = Analyze("final-without-command");

        Assert.That(analysis.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { DiagnosticCodes.FinalWithoutCommand.Code }));
        Assert.That((analysis.Summary.Commands, analysis.Summary.Ok, analysis.Summary.Urcs), Is.EqualTo((1L, 1L, 0L)));
    }

    [Test]
    public void A_line_starting_with_AT_that_is_not_the_echo_is_an_information_line()
    {
        var analysis = Analyze("at-information");

        Assert.That(analysis.Diagnostics, Is.Empty);
        Assert.That(analysis.Summary.Commands, Is.EqualTo(1));
        Assert.That(analysis.Exchanges.Single().Information, Is.EqualTo(new[] { "AT version:1.7.4.0(May 11 2020 19:13:04)", "SDK version:3.0.4(9532ceb)" }));
    }

    [Test]
    public void Whitespace_only_lines_are_dropped()
    {
        var analysis = Analyze("whitespace-dropped");

        Assert.That(analysis.Diagnostics, Is.Empty);
        Assert.That(analysis.Exchanges.Single().Information, Is.EqualTo(new[] { "+CSQ: 17,99" }));
    }

    [Test]
    public void Free_text_is_never_a_urc_nor_counted_as_one()
    {
        var analysis = Analyze("free-text");

        Assert.That(analysis.Summary.Urcs, Is.Zero);
        Assert.That(analysis.Urcs, Is.Empty);
        Assert.That(Serious(analysis), Is.Empty);
        Assert.That(analysis.Exchanges.Single().Information, Is.EqualTo(new[] { "+CPIN: READY" }));
    }

    [Test]
    public void What_the_host_sends_after_a_prompt_is_data_up_to_the_final_result()
    {
        var analysis = Analyze("prompt-and-data");

        Assert.That(analysis.Diagnostics, Is.Empty);
        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final)), Is.EqualTo(new[] { ("AT+HTTPDATA=24,10000", "OK"), ("AT+CIPSEND=5", "OK") }));
    }

    [Test]
    public void Boot_banners_are_urcs()
    {
        var analysis = Analyze("boot-banners");

        Assert.That(analysis.Urcs.Select(u => u.Name), Is.EqualTo(new[] { "RDY", "*ATREADY", "+CPIN", "SMS DONE", "ready", "WIFI GOT IP" }));
        Assert.That(Serious(analysis), Is.Empty);
    }

    [Test]
    public void A_doubled_echo_is_the_echo_twice()
    {
        var analysis = Analyze("doubled-echo");

        Assert.That(analysis.Diagnostics, Is.Empty);
        Assert.That(analysis.Exchanges.Single().Information, Is.EqualTo(new[] { "+CSQ: 20,99" }));
    }
}
