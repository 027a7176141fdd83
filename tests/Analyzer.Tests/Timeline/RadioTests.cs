using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Tests.Readers;

namespace Conformance.Analyzer.Tests.Timeline;

/// <summary>
/// A drop, a failed open or a late ACK told with the radio the log last showed (+CSQ, +CEREG): written by hand as a
/// device's firmware logs its AT traffic with times of day, and as a terminal captures it without times.
/// </summary>
public class RadioTests
{
    [Test]
    public void A_dropped_connection_after_a_weak_signal_reading_says_how_weak_and_how_long_before()
    {
        var analysis = TempLog.Analyze("""
            [08:14:00.010] AT+CSQ
            [08:14:00.040] +CSQ: 5,99
            [08:14:00.050] OK
            [08:15:00.000] AT+CSQ
            [08:15:00.030] +CSQ: 4,99
            [08:15:00.041] OK
            [08:17:30.500] +MQTTDISC: OK

            """);

        var lost = analysis.Diagnostics.Single(d => d.Code == "connection-lost");
        Assert.That(lost.Line, Is.EqualTo(7));
        Assert.That(lost.Message, Does.EndWith("the connection dropped; the radio before it: -105 dBm, weak (+CSQ: 4,99 at line 5, 2 min before)"));
    }

    [Test]
    public void A_failed_open_while_searching_for_a_network_names_the_registration()
    {
        var analysis = TempLog.Analyze(
            "AT+CEREG?\r\n\r\n+CEREG: 0,2\r\n\r\nOK\r\nAT+CSQ\r\n\r\n+CSQ: 99,99\r\n\r\nOK\r\n" +
            "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n\r\nOK\r\n\r\n+MQTTOPEN: FAIL\r\n", LogFormat.Raw);

        var failed = analysis.Diagnostics.Single(d => d.Code == "open-failed");
        Assert.That(failed.Message, Does.EndWith(
            "; the radio before it: no signal detected (+CSQ: 99,99 at line 8), not registered, searching (+CEREG stat 2 at line 3)"));
    }

    [Test]
    public void A_late_ack_with_a_good_signal_and_a_registered_module_says_the_signal_only()
    {
        var analysis = TempLog.Analyze("""
            [08:00:00.000] AT+CEREG?
            [08:00:00.020] +CEREG: 0,1
            [08:00:00.030] OK
            [08:00:01.000] AT+CSQ
            [08:00:01.020] +CSQ:24,0
            [08:00:01.030] OK
            [08:00:05.000] AT+MQTTPUB="dev/up",1,0,0,0,"t=20"
            [08:00:05.040] OK
            [08:00:15.040] +MQTTTO: 2

            """);

        var late = analysis.Diagnostics.Single(d => d.Code == "ack-timeout");
        Assert.That(late.Message, Does.EndWith("; the radio before it: -65 dBm, good (+CSQ: 24,0 at line 5, 14 s before)"));
    }

    [Test]
    public void Without_a_reading_in_the_log_nothing_is_added()
    {
        var analysis = TempLog.Analyze("""
            [08:00:05.000] AT+MQTTPUB="dev/up",1,0,0,0,"t=20"
            [08:00:05.040] OK
            [08:00:15.040] +MQTTTO: 2
            [08:00:20.000] +MQTTDISC: OK

            """);

        Assert.That(analysis.Diagnostics.Select(d => d.Message), Has.None.Contains("radio"));
        Assert.That(analysis.Diagnostics.Select(d => d.Code), Is.SupersetOf(new[] { "ack-timeout", "connection-lost" }));
    }
}
