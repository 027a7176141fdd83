using Conformance.Analyzer.Tests.Readers;

namespace Conformance.Analyzer.Tests.Timeline;

/// <summary>
/// Replies not shaped as the manual's, as field firmware prints them: a command's one information line twice, or
/// after its OK. A host that reads a reply line by line up to its final result is left with a wrong answer.
/// </summary>
public class AnswerShapeTests
{
    [Test]
    public void A_signal_reading_printed_twice_is_a_repeated_answer()
    {
        const string log = """
            [09:00:00.010] AT+CSQ
            [09:00:00.050] +CSQ: 20,99
            [09:00:00.051] +CSQ: 20,99
            [09:00:00.060] OK
            [09:00:01.000] AT+CSQ
            [09:00:01.040] +CSQ: 21,99
            [09:00:01.050] OK
            """;

        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Diagnostics.Select(d => (d.Line, d.Code)), Is.EqualTo(new[] { (3L, "answer-repeated") }));
        Assert.That(analysis.Diagnostics.Single().Message, Is.EqualTo("AT+CSQ (line 1) got a second information line '+CSQ: 20,99'; the manual answers it with one"));
        Assert.That(analysis.Summary.Ok, Is.EqualTo(2), "both commands still count as answered");
    }

    [Test]
    public void A_status_line_after_the_OK_is_a_late_answer_not_a_URC_that_answers_nothing()
    {
        // A module-side log of a firmware that flushes its reply buffer after the result code.
        const string log = "TX: AT+MQTTSTAT?\r\nRX: OK\r\nRX: +MQTTSTAT:5\r\nTX: AT+CGATT?\r\nRX: +CGATT: 1\r\nRX: OK\r\n";

        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Diagnostics.Select(d => d.Code), Does.Contain("answer-after-final"));
        var late = analysis.Diagnostics.Single(d => d.Code == "answer-after-final");
        Assert.That(late.Line, Is.EqualTo(3));
        Assert.That(late.Message, Does.StartWith("'+MQTTSTAT:5' came after the final result of AT+MQTTSTAT? (line 1)"));
    }

    [Test]
    public void A_subscription_list_has_a_line_per_topic_and_a_registration_change_may_come_unasked()
    {
        // AT+MQTTSUB? lists; +CEREG is also a URC once AT+CEREG=1 asked for it: neither is a fault.
        const string log = """
            2026-11-30 09:00:00.100 >> AT+MQTTSUB?
            2026-11-30 09:00:00.150 << dev/cmd,1
            2026-11-30 09:00:00.151 << dev/ota,0
            2026-11-30 09:00:00.160 << OK
            2026-11-30 09:00:01.000 >> AT+CEREG?
            2026-11-30 09:00:01.040 << +CEREG: 1,1
            2026-11-30 09:00:01.050 << OK
            2026-11-30 09:00:09.000 << +CEREG: 5
            """;

        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Diagnostics.Select(d => d.Code), Has.None.StartsWith("answer-"));
    }

    [Test]
    public void A_configuration_read_after_its_OK_does_not_show_the_password()
    {
        const string log = "> AT+MQTTCFG?\n< OK\n< +MQTTCFG: \"mqtt.heclouds.com\",6002,\"dev1\",120,\"prod\",\"hunter22\",1\n";

        var analysis = TempLog.Analyze(log);

        var late = analysis.Diagnostics.Single(d => d.Code == "answer-after-final");
        Assert.That(late.Message, Does.Not.Contain("hunter22").And.Contain("+MQTTCFG:"));
    }
}
