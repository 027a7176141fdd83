using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// Logs of AT traffic written by loggers no tool here is named for — an MCU's tick counter and tag, ESP-IDF with
/// arrows, loguru, log4j, a SEGGER RTT channel — written by hand as firmware and scripts print them: read whatever
/// stands before the traffic (format <c>logger</c>), the time taken from it, the direction from the mark.
/// </summary>
public class LoggerTests
{
    // The same short session in each logger's words: the host's lines first in each pair.
    [TestCase("[0000012345] [AT] send: AT+CSQ\n[0000012391] [AT] recv: +CSQ: 20,99\n[0000012392] [AT] recv: OK\n[0000012400] [AT] send: AT+CGATT?\n[0000012460] [AT] recv: +CGATT: 1\n[0000012461] [AT] recv: OK\n", 47, TestName = "an MCU's zero-padded tick, a tag and send/recv")]
    [TestCase("[12345] AT+CSQ\r\n[12391] +CSQ: 20,99\r\n[12392] OK\r\n[12400] AT+CGATT?\r\n[12460] +CGATT: 1\r\n[12461] OK\r\n", 47, TestName = "millis() in brackets, no mark")]
    [TestCase("I (12345) modem: -> AT+CSQ\nI (12391) modem: <- +CSQ: 20,99\nI (12392) modem: <- OK\nI (12400) modem: -> AT+CGATT?\nI (12460) modem: <- +CGATT: 1\nI (12461) modem: <- OK\n", 47, TestName = "ESP-IDF with arrows after the tag")]
    [TestCase("2026-11-30 10:11:12.345 | DEBUG    | modem:send:42 - >> AT+CSQ\n2026-11-30 10:11:12.392 | DEBUG    | modem:recv:50 - << +CSQ: 20,99\n2026-11-30 10:11:12.393 | DEBUG    | modem:recv:50 - << OK\n2026-11-30 10:11:12.400 | DEBUG    | modem:send:42 - >> AT+CGATT?\n2026-11-30 10:11:12.460 | DEBUG    | modem:recv:50 - << +CGATT: 1\n2026-11-30 10:11:12.461 | DEBUG    | modem:recv:50 - << OK\n", 48, TestName = "loguru's default format")]
    [TestCase("2026-11-30 10:11:12,345 DEBUG [uart-rx] c.e.Modem: TX: AT+CSQ\n2026-11-30 10:11:12,392 DEBUG [uart-rx] c.e.Modem: RX: +CSQ: 20,99\n2026-11-30 10:11:12,393 DEBUG [uart-rx] c.e.Modem: RX: OK\n2026-11-30 10:11:12,400 DEBUG [uart-rx] c.e.Modem: TX: AT+CGATT?\n2026-11-30 10:11:12,460 DEBUG [uart-rx] c.e.Modem: RX: +CGATT: 1\n2026-11-30 10:11:12,461 DEBUG [uart-rx] c.e.Modem: RX: OK\n", 48, TestName = "log4j with a thread and a logger")]
    [TestCase("tick 12345: AT+CSQ\ntick 12391: +CSQ: 20,99\ntick 12392: OK\ntick 12400: AT+CGATT?\ntick 12460: +CGATT: 1\ntick 12461: OK\n", 47, TestName = "a tick counter after a word")]
    [TestCase("10:11:12.345 [AT] AT+CSQ\n10:11:12.392 [AT] +CSQ: 20,99\n10:11:12.393 [AT] OK\n10:11:12.400 [AT] AT+CGATT?\n10:11:12.460 [AT] +CGATT: 1\n10:11:12.461 [AT] OK\n", 48, TestName = "a time of day and a tag")]
    [TestCase("[00:00:12.345,000] <dbg> modem_cmd: >> AT+CSQ\n[00:00:12.392,500] <dbg> modem_cmd: << +CSQ: 20,99\n[00:00:12.393,000] <dbg> modem_cmd: << OK\n[00:00:12.400,000] <dbg> modem_cmd: >> AT+CGATT?\n[00:00:12.460,000] <dbg> modem_cmd: << +CGATT: 1\n[00:00:12.461,000] <dbg> modem_cmd: << OK\n", 48, TestName = "Zephyr with arrows after the module")]
    public void A_loggers_lines_are_read_with_their_times(string log, int latencyMs)
    {
        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, string.Join("|", e.Information))), Is.EqualTo(new[]
        {
            ("AT+CSQ", "OK", "+CSQ: 20,99"), ("AT+CGATT?", "OK", "+CGATT: 1"),
        }), log);
        Assert.That(analysis.Exchanges[0].LatencyMs, Is.EqualTo(latencyMs).Within(1));
        Assert.That(analysis.Urcs, Is.Empty);
    }

    [Test]
    public void Another_tags_lines_are_left_out_and_a_message_on_the_next_line_is_the_loggers()
    {
        // An ESP32 gateway: the modem task's lines among the Wi-Fi's and the app's, a publish in the manual's next-line form.
        var analysis = TempLog.Analyze("""
            I (5000) wifi: connected to ap SSID:lab
            I (5100) modem: -> AT+MQTTCFG="183.230.40.39",6002,"dev42",60,"prod7","Kf83hQz",1
            I (5150) modem: <- OK
            W (5160) app: heap low
            I (5200) modem: -> AT+MQTTOPEN=1,1,0,0,0,"",""
            I (5250) modem: <- OK
            I (7000) modem: <- +MQTTOPEN: OK
            I (9000) modem: <- +MQTTPUBLISH: 0,0,0,0,"cmd/dev42",5
            I (9001) modem: <- reset
            I (9100) wifi: rssi -60

            """);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final)), Is.EqualTo(new (string, string?)[]
        {
            ("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev42\",60,\"prod7\",\"***\",1", "OK"), ("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK"),
        }));
        Assert.That(analysis.Urcs.Select(u => u.Text), Is.EqualTo(new[] { "+MQTTOPEN: OK", "+MQTTPUBLISH: 0,0,0,0,\"cmd/dev42\",5" }));
        Assert.That(analysis.Diagnostics.Where(d => d.Severity > Protocol.Codes.Severity.Note), Is.Empty);
        Assert.That(analysis.Exchanges[1].LatencyMs, Is.EqualTo(50));
    }

    [Test]
    public void A_line_after_a_bare_line_of_traffic_is_not_taken_for_the_loggers()
    {
        // The firmware prints the module's OK raw, without its logger: the Wi-Fi line after it is no continuation.
        var (_, records) = TempLog.Read("I (100) modem: -> AT+CSQ\nI (140) modem: <- +CSQ: 20,99\nOK\nI (150) wifi: connected\nI (200) modem: -> AT\nI (210) modem: <- OK\n", LogFormat.Logger);

        Assert.That(records.Select(r => System.Text.Encoding.ASCII.GetString(r.Data).TrimEnd()), Is.EqualTo(new[] { "AT+CSQ", "+CSQ: 20,99", "OK", "AT", "OK" }));
    }

    [Test]
    public void Arrows_used_the_other_way_round_are_read_by_which_carries_the_commands()
    {
        var (source, records) = TempLog.Read("[100] <-- AT+CSQ\n[140] --> +CSQ: 20,99\n[141] --> OK\n[200] <-- AT\n[210] --> OK\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.Logger));
        Assert.That(records.Select(r => r.Direction), Is.EqualTo(new[]
        {
            LogDirection.ToModule, LogDirection.FromModule, LogDirection.FromModule, LogDirection.ToModule, LogDirection.FromModule,
        }));
    }

    [Test]
    public void A_format_that_knows_the_stamp_keeps_its_logs()
    {
        Assert.That(TempLog.Read("[2026-11-30 10:11:12.100] AT+CSQ\n[2026-11-30 10:11:12.150] OK\n").Source.Format, Is.EqualTo(LogFormat.Timestamped));
        Assert.That(TempLog.Read("[10:11:12.100] AT+CSQ\n[10:11:12.150] OK\n").Source.Format, Is.EqualTo(LogFormat.Tio));
        Assert.That(TempLog.Read("I (100) modem: AT+CSQ\nI (150) modem: OK\n").Source.Format, Is.EqualTo(LogFormat.Tio));
        Assert.That(TempLog.Read("10:11:12.100 >> AT+CSQ\n10:11:12.150 << OK\n").Source.Format, Is.EqualTo(LogFormat.Transcript));
        Assert.That(TempLog.Read("AT+CSQ\r\n\r\nOK\r\n").Source.Format, Is.EqualTo(LogFormat.Raw));
    }

    [Test]
    public void The_format_can_be_named()
    {
        var (source, records) = TempLog.Read("boot> AT\nboot> OK\n", LogFormat.Logger);

        Assert.That(source.Format, Is.EqualTo(LogFormat.Logger));
        Assert.That(records.Select(r => (r.Direction, System.Text.Encoding.ASCII.GetString(r.Data))), Is.EqualTo(new[]
        {
            (LogDirection.ToModule, "AT\r\n"), (LogDirection.FromModule, "OK\r\n"),
        }));
        Assert.That(LogFormatNames.Parse("logger"), Is.EqualTo(LogFormat.Logger));
    }
}
