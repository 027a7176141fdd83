using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Tests.Readers;
using Conformance.Analyzer.Timeline;
using Conformance.Protocol.Responses;

namespace Conformance.Analyzer.Tests.Timeline;

/// <summary>
/// A module that restarts in the middle of a log (a watchdog, a brown-out): written by hand as the M5310-A's Hi2115
/// boot prints it (REBOOT_CAUSE_…, Neul, OK) and as SIMCom and Quectel modules do (RDY).
/// </summary>
public class RestartTests
{
    [Test]
    public void A_restart_mid_command_ends_the_command_without_a_result_and_the_session()
    {
        var analysis = TempLog.Analyze(
            "[2026-11-29 10:00:00.000] AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n[2026-11-29 10:00:00.050] OK\r\n[2026-11-29 10:00:01.000] +MQTTOPEN: OK\r\n" +
            "[2026-11-29 10:00:05.000] AT+MQTTPUB=\"t\",1,0,0,0,\"x\"\r\n[2026-11-29 10:00:05.500] REBOOT_CAUSE_SECURITY_WATCHDOG\r\n" +
            "[2026-11-29 10:00:05.600] Neul \r\n[2026-11-29 10:00:05.610] OK\r\n[2026-11-29 10:00:10.000] AT+MQTTSTAT?\r\n" +
            "[2026-11-29 10:00:10.050] +MQTTSTAT: 0\r\n[2026-11-29 10:00:10.060] OK\r\n");

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final)), Is.EqualTo(new (string, string?)[]
        {
            ("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK"), ("AT+MQTTPUB=\"t\",1,0,0,0,\"x\"", null), ("AT+MQTTSTAT?", "OK"),
        }), "the boot's OK answers no command");
        Assert.That(analysis.Diagnostics.Select(d => (d.Line, d.Code)), Is.EqualTo(new[] { (4L, "no-final-result"), (5L, "module-restarted") }));
        Assert.That(analysis.Diagnostics[0].Message, Does.EndWith("got no final result: the module restarted at line 5 (REBOOT_CAUSE_SECURITY_WATCHDOG)"));
        Assert.That(analysis.StateChanges.Select(c => (c.Line, c.To)).Last(), Is.EqualTo((5L, MqttState.NotInitialised)));
        Assert.That(analysis.Summary.Commands, Is.EqualTo(3));
    }

    [Test]
    public void A_restart_after_OK_ends_the_URCs_awaited_and_a_boot_at_the_start_is_no_finding()
    {
        var analysis = TempLog.Analyze(
            "\r\nREBOOT_CAUSE_APPLICATION_AT\r\nNeul \r\nOK\r\nAT\r\n\r\nOK\r\nAT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"pw\",1\r\n\r\nOK\r\n" +
            "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n\r\nOK\r\n\r\n+MQTTOPEN: OK\r\nAT+MQTTPUB=\"t\",1,0,0,0,\"x\"\r\n\r\nOK\r\n\r\nRDY\r\n", LogFormat.Raw);

        Assert.That(analysis.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "urc-missing", "module-restarted" }));
        Assert.That(analysis.Diagnostics[0].Message, Does.EndWith("before the module restarted at line 20"));
        Assert.That(analysis.Diagnostics[1].Message, Is.EqualTo("the module restarted (RDY) while in state 5 Connected"));
    }

    [Test]
    public void A_restart_the_host_asked_for_is_no_finding_and_the_boot_answers_the_command()
    {
        var analysis = TempLog.Analyze(
            "AT+MQTTSTAT?\r\n\r\n+MQTTSTAT: 5\r\n\r\nOK\r\nAT+NRB\r\n\r\nREBOOTING\r\n\r\nREBOOT_CAUSE_APPLICATION_AT\r\nNeul \r\nOK\r\n" +
            "AT+RST\r\n\r\nOK\r\n\r\nready\r\nAT+CFUN=1,1\r\n\r\nOK\r\n\r\nRDY\r\n", LogFormat.Raw);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final)), Is.EqualTo(new (string, string?)[]
        {
            ("AT+MQTTSTAT?", "OK"), ("AT+NRB", "OK"), ("AT+RST", "OK"), ("AT+CFUN=1,1", "OK"),
        }));
        Assert.That(analysis.Diagnostics, Is.Empty);
        Assert.That(analysis.StateChanges[^1].To, Is.EqualTo(MqttState.NotInitialised));
    }

    [Test]
    public void A_command_seen_only_in_its_echo_ends_the_boot_so_a_later_restart_is_seen()
    {
        // Module output alone (a capture of what the module sent): the commands show only as their echoes.
        var analysis = TempLog.Analyze(
            "<debug> (ttyS1): <-- '<CR><LF>REBOOT_CAUSE_APPLICATION_AT<CR><LF>Neul <CR><LF>OK<CR><LF>'\n" +
            "<debug> (ttyS1): <-- 'AT+MQTTSTAT?<CR><CR><LF>+MQTTSTAT: 5<CR><LF><CR><LF>OK<CR><LF>'\n" +
            "<debug> (ttyS1): <-- 'AT+CSQ<CR><CR><LF><CR><LF>RDY<CR><LF>'\n");

        Assert.That(analysis.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "no-final-result", "module-restarted" }));
    }
}
