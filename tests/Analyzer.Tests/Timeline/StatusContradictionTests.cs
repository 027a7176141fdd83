using Conformance.Analyzer.Tests.Readers;

namespace Conformance.Analyzer.Tests.Timeline;

/// <summary>
/// <c>AT+MQTTSTAT?</c> against the log's own lines: a firmware whose state machine says connected after a deliberate
/// disconnection, or an instance after AT+MQTTDEL, with no command in between that could make it so.
/// </summary>
public class StatusContradictionTests
{
    [Test]
    public void Connected_after_a_deliberate_disconnection_with_no_open_since_is_reported()
    {
        // Docklight's ASCII view, as a support engineer saves it.
        const string log = """
            30/11/2026 12:00:05.000 [TX] - AT+MQTTDISC<CR><LF>
            30/11/2026 12:00:05.040 [RX] - <CR><LF>OK<CR><LF>
            30/11/2026 12:00:05.300 [RX] - <CR><LF>+MQTTDISC: OK<CR><LF>
            30/11/2026 12:00:06.000 [TX] - AT+MQTTSTAT?<CR><LF>
            30/11/2026 12:00:06.040 [RX] - <CR><LF>+MQTTSTAT: 5<CR><LF><CR><LF>OK<CR><LF>
            """;

        var analysis = TempLog.Analyze(log);

        var finding = analysis.Diagnostics.Single(d => d.Code == "status-contradiction");
        Assert.That(finding.Line, Is.EqualTo(5));
        Assert.That(finding.Message, Is.EqualTo("+MQTTSTAT: 5 says state 5 (Connected), but the session was left in state 2 (Disconnected) at line 3 (+MQTTDISC: OK) and no AT+MQTTOPEN came since"));
    }

    [Test]
    public void An_instance_after_delete_with_no_configuration_since_is_reported()
    {
        const string log = "[12:00:00] >>> AT+MQTTDEL\n[12:00:00] <<< OK\n[12:00:01] >>> AT+MQTTSTAT?\n[12:00:01] <<< +MQTTSTAT: 1\n[12:00:01] <<< OK\n";

        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Diagnostics.Single(d => d.Code == "status-contradiction").Message,
            Does.StartWith("+MQTTSTAT: 1 says state 1 (Initialised), but the session was left in state 0 (NotInitialised) at line 2").And.EndWith("no AT+MQTTCFG came since"));
    }

    [Test]
    public void A_state_the_log_leads_to_is_no_contradiction()
    {
        // Open again after a disconnection; a drop the module recovers from by itself; its own earlier reading of 2.
        const string log = """
            TX: AT+MQTTDISC
            RX: OK
            RX: +MQTTDISC: OK
            TX: AT+MQTTOPEN=1,1,0,0,0,"",""
            RX: OK
            RX: +MQTTOPEN: OK
            TX: AT+MQTTSTAT?
            RX: +MQTTSTAT: 5
            RX: OK
            RX: +MQTTREC: 0
            RX: +MQTTOPEN: OK
            TX: AT+MQTTSTAT?
            RX: +MQTTSTAT: 2
            RX: OK
            TX: AT+MQTTSTAT?
            RX: +MQTTSTAT: 4
            RX: OK
            """;

        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Diagnostics.Select(d => d.Code), Has.None.EqualTo("status-contradiction"));
    }
}
