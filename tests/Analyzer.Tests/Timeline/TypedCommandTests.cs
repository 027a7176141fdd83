using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Tests.Readers;
using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Tests.Timeline;

/// <summary>
/// Commands typed in a terminal with a slip mended by backspace: the log keeps the keystrokes, the module runs the
/// command they leave (V.250's editing character) and echoes the keystrokes.
/// </summary>
public class TypedCommandTests
{
    [TestCase("AT+CQ\bSQ\r\r\n+CSQ: 20,99\r\n\r\nOK\r\nAT+MQTTSTAT?\b?\r\r\n+MQTTSTAT: 5\r\n\r\nOK\r\n", LogFormat.Raw, TestName = "a raw capture, seen in the echo")]
    [TestCase("[2026-11-29 10:00:00.000] AT+CQ\bSQ\r\n[2026-11-29 10:00:00.010] AT+CQ\bSQ\r\n[2026-11-29 10:00:00.050] +CSQ: 20,99\r\n" +
        "[2026-11-29 10:00:00.060] OK\r\n[2026-11-29 10:00:01.000] AT+MQTTSTAT?\b?\r\n[2026-11-29 10:00:01.030] +MQTTSTAT: 5\r\n[2026-11-29 10:00:01.040] OK\r\n",
        LogFormat.Timestamped, TestName = "a Tera Term log, sent and echoed")]
    public void A_command_mended_by_backspace_is_the_command_the_module_runs(string text, LogFormat format)
    {
        var analysis = TempLog.Analyze(text, format);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, e.Information.Count)), Is.EqualTo(new[] { ("AT+CSQ", "OK", 1), ("AT+MQTTSTAT?", "OK", 1) }));
        Assert.That(analysis.Urcs, Is.Empty, "the answers answer their commands");
        Assert.That(analysis.Diagnostics, Is.Empty, "an echo of the keystrokes is no echo mismatch");
    }

    /// <summary>A QoS 1 publish whose message_len is off, which the module still accepted: its PUBACK answers it, and only the length is wrong.</summary>
    [Test]
    public void A_publish_the_module_accepted_awaits_its_ack_even_when_its_length_is_wrong()
    {
        var analysis = TempLog.Analyze("""
            [2024-01-02 10:00:00.000] AT+MQTTOPEN=1,1,0,0,0,"",""
            [2024-01-02 10:00:00.100] OK
            [2024-01-02 10:00:00.500] +MQTTOPEN: OK
            [2024-01-02 10:00:03.000] AT+MQTTPUB="$dp",2,0,0,20,03000B7B2274656D70223A32357D
            [2024-01-02 10:00:03.100] OK
            [2024-01-02 10:00:03.600] +MQTTPUBREC: 0,1
            [2024-01-02 10:00:03.700] +MQTTPUBCOMP: 0,1
            """);

        Assert.That(analysis.Urcs.Select(u => (u.Name, u.CommandLine)), Is.EqualTo(new (string, long?)[] { ("+MQTTOPEN", 1), ("+MQTTPUBREC", 4), ("+MQTTPUBCOMP", 6) }));
        Assert.That(analysis.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "message-len-mismatch" }));
    }

    /// <summary>An incoming publish whose msg_len is wrong is the finding the docs name, an error, at every such line.</summary>
    [Test]
    public void Every_incoming_publish_with_a_wrong_msg_len_is_an_error_of_its_own()
    {
        var analysis = TempLog.Analyze("""
            [2024-01-02 10:00:00.000] AT+MQTTSUB="t",1
            [2024-01-02 10:00:00.100] OK
            [2024-01-02 10:00:00.200] +MQTTSUBACK: 1,1,"t"
            [2024-01-02 10:00:01.000] +MQTTPUBLISH: 0,0,0,0,"t",10,hello
            [2024-01-02 10:00:02.000] +MQTTPUBLISH: 0,0,0,0,"t",3,hello world
            [2024-01-02 10:00:03.000] +MQTTPUBLISH: 0,0,0,0,"t",5,hello
            """);

        Assert.That(analysis.Diagnostics.Select(d => (d.Line, d.Code, d.Severity.ToString())), Is.EqualTo(new[]
        {
            (4L, "message-len-mismatch", "Error"), (5L, "message-len-mismatch", "Error"),
        }));
    }
}
