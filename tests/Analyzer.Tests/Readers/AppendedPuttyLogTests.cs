using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// Two logs in one file: a Tera Term log with stamps, and after the module rebooted, PuTTY's log of the next session
/// appended to it (its header, then the raw text). PuTTY's header is decisive only where a PuTTY log starts the file.
/// </summary>
public class AppendedPuttyLogTests
{
    private const string Log = """
        [2026-11-30 14:00:00.100] AT+CSQ
        [2026-11-30 14:00:00.160] +CSQ: 20,99
        [2026-11-30 14:00:00.161] OK
        [2026-11-30 14:00:02.000] AT+MQTTCFG="183.230.40.39",6002,"dev1",120,"prod1","Appx9Pw",1
        [2026-11-30 14:00:02.050] OK
        [2026-11-30 14:00:03.010] AT+MQTTOPEN=1,1,0,0,0,"",""
        =~=~=~=~=~=~=~=~=~=~=~= PuTTY log 2026.11.30 14:05:11 =~=~=~=~=~=~=~=~=~=~=~=
        REBOOT_CAUSE_APPLICATION_WATCHDOG
        Neul
        OK
        AT+MQTTCFG="183.230.40.39",6002,"dev1",120,"prod1","Appx9Pw",1
        OK
        AT+MQTTOPEN=1,1,0,0,0,"",""
        OK

        +MQTTOPEN: OK
        """;

    [Test]
    public void The_stamped_log_before_the_header_is_read_and_the_header_is_no_traffic()
    {
        var (source, _) = TempLog.Read(Log);
        var analysis = TempLog.Analyze(Log);

        Assert.That(source.Format, Is.EqualTo(LogFormat.Timestamped), () => string.Join(", ", source.Detection.Scores));
        Assert.That(analysis.Exchanges.Select(e => (e.Line, e.Final, e.LatencyMs, e.Information.Count)), Is.EqualTo(new (long, string?, double?, int)[]
        {
            (1, "OK", 61, 1), (4, "OK", 50, 0), (6, null, null, 0), (11, "OK", null, 0), (13, "OK", null, 0),
        }), "every exchange of both logs; the header is no answer to the open; PuTTY's lines have no times to measure");
        Assert.That(analysis.Diagnostics.Select(d => (d.Line, d.Code)), Is.EqualTo(new[] { (6L, "no-final-result"), (8L, "module-restarted") }));
        Assert.That(analysis.Urcs[^1].CommandLine, Is.EqualTo(13));
        Assert.That(Conformance.Analyzer.Reports.JsonReport.Write(analysis), Does.Not.Contain("Appx9Pw"));
    }

    [Test]
    public void A_putty_log_with_a_session_appended_is_still_puttys()
    {
        var (source, records) = TempLog.Read(
            "=~=~=~=~=~=~=~=~=~=~=~= PuTTY log 2026.11.30 14:00:00 =~=~=~=~=~=~=~=~=~=~=~=\r\nAT+CSQ\r\r\n+CSQ: 20,99\r\n\r\nOK\r\n" +
            "=~=~=~=~=~=~=~=~=~=~=~= PuTTY log 2026.11.30 14:05:11 =~=~=~=~=~=~=~=~=~=~=~=\r\nAT+CSQ\r\r\n+CSQ: 21,99\r\n\r\nOK\r\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.Putty));
        Assert.That(Traffic.Lines(records).Count(l => l.Line == "AT+CSQ"), Is.EqualTo(2));
    }
}
