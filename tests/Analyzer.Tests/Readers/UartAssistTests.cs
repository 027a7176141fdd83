using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>UartAssist and NetAssist logs with time shown, written here by hand as the tools lay them out.</summary>
public class UartAssistTests
{
    private const string TextLog =
        "[2026-11-30 10:38:51.803]# SEND ASCII>\r\nAT+CSQ\r\n\r\n" +
        "[2026-11-30 10:38:51.870]# RECV ASCII>\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n\r\n" +
        "[2026-11-30 10:38:53.100]# SEND ASCII>\r\nAT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod1\",\"Pw9x7Secret\",1\r\n\r\n" +
        "[2026-11-30 10:38:53.160]# RECV ASCII>\r\n\r\nOK\r\n\r\n";

    [Test]
    public void Text_packets_are_read_with_their_direction_and_time()
    {
        var (source, records) = TempLog.Read(TextLog);

        Assert.That(source.Format, Is.EqualTo(LogFormat.UartAssist));
        Assert.That(Traffic.Lines(records), Is.EqualTo(new[]
        {
            (LogDirection.ToModule, "AT+CSQ"), (LogDirection.FromModule, "+CSQ: 20,99"), (LogDirection.FromModule, "OK"),
            (LogDirection.ToModule, "AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod1\",\"Pw9x7Secret\",1"), (LogDirection.FromModule, "OK"),
        }));
        var analysis = TempLog.Analyze(TextLog);
        Assert.That(analysis.Exchanges.Select(e => (e.Final, e.LatencyMs)), Is.EqualTo(new (string?, double?)[] { ("OK", 67), ("OK", 60) }));
        Assert.That(analysis.Exchanges[1].Command, Does.Not.Contain("Pw9x7Secret"));
    }

    [Test]
    public void Hex_packets_give_the_exact_bytes()
    {
        var (source, records) = TempLog.Read(
            "[10:38:51.803]# SEND HEX>\r\n41 54 2B 43 53 51 0D 0A \r\n\r\n" +
            "[10:38:51.870]# RECV HEX>\r\n0D 0A 2B 43 53 51 3A 20 32 30 2C 39 39 0D 0A 0D 0A 4F 4B 0D 0A \r\n\r\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.UartAssist));
        Assert.That(records.Select(r => r.Direction), Is.EqualTo(new[] { LogDirection.ToModule, LogDirection.FromModule }));
        Assert.That(records[1].Data, Is.EqualTo("\r\n+CSQ: 20,99\r\n\r\nOK\r\n"u8.ToArray()));
        Assert.That(records[1].Time - records[0].Time, Is.EqualTo(TimeSpan.FromMilliseconds(67)));
    }

    [Test]
    public void A_line_split_over_two_received_packets_is_one_line_and_netassist_names_its_peer()
    {
        var analysis = TempLog.Analyze(
            "[10:38:51.803]# SEND ASCII>\r\nAT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n\r\n" +
            "[10:38:51.870]# RECV ASCII>\r\n\r\nOK\r\n\r\n" +
            "[10:38:52.870]# RECV ASCII>\r\n\r\n+MQTTOP\r\n\r\n" +
            "[10:38:52.890]# RECV ASCII FROM 10.0.0.5 :8080>\r\nEN: OK\r\n\r\n");

        Assert.That(analysis.Urcs.Select(u => u.Text), Is.EqualTo(new[] { "+MQTTOPEN: OK" }));
        Assert.That(analysis.Diagnostics, Is.Empty);
    }

    [Test]
    public void Its_headers_are_not_taken_for_a_stamped_terminal_log()
    {
        // Before, the time-of-day headers made this a tio log, and its hex packets were not traffic at all.
        var (source, _) = TempLog.Read("[10:38:51.803]# SEND ASCII>\r\nAT\r\n\r\n[10:38:51.820]# RECV ASCII>\r\n\r\nOK\r\n\r\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.UartAssist));
    }
}
