using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// Logs whose tool or script writes each line's stamp after its traffic (written by hand, in the ways customers' tools
/// append it): the stamp is the line's time and no part of its command or answer; whether a log's lines carry one is
/// decided for the whole log, and a stamp is never read inside quotes.
/// </summary>
public class TrailingStampTests
{
    private const string Mixed = "AT+CSQ    (14:00:00.100)\n" +
        "+CSQ: 18,99   [14:00:00.180]\n" +
        "OK\t@14:00:00.200\n" +
        "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"  // 2026-11-30 14:00:00.300\n" +
        "OK  <14:00:00.400>\n" +
        "+MQTTOPEN: OK  <14:00:01.400>\n";

    [Test]
    public void Each_way_of_appending_a_stamp_gives_the_line_its_time()
    {
        var (source, records) = TempLog.Read(Mixed);

        Assert.That(source.Format, Is.EqualTo(LogFormat.TrailingStamp));
        Assert.That(records.Select(r => r.Text), Is.EqualTo(new[]
        {
            "AT+CSQ\r\n", "+CSQ: 18,99\r\n", "OK\r\n", "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n", "OK\r\n", "+MQTTOPEN: OK\r\n",
        }));
        Assert.That(records.Select(r => r.Direction), Is.EqualTo(new[]
        {
            LogDirection.ToModule, LogDirection.FromModule, LogDirection.FromModule, LogDirection.ToModule, LogDirection.FromModule, LogDirection.FromModule,
        }));
        Assert.That(records[3].Time!.Value.DateTime, Is.EqualTo(new DateTime(2026, 11, 30, 14, 0, 0, 300)), "a date in the stamp is read");
        Assert.That(records[4].Time!.Value.TimeOfDay, Is.EqualTo(new TimeSpan(0, 14, 0, 0, 400)), "a time of day after it takes its date");
    }

    [Test]
    public void The_analysis_times_each_exchange_and_finds_no_deviation_in_the_stamps()
    {
        var analysis = TempLog.Analyze(Mixed);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, e.LatencyMs)), Is.EqualTo(new (string, string?, double?)[]
        {
            ("AT+CSQ", "OK", 100), ("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK", 100),
        }));
        Assert.That(analysis.Diagnostics, Is.Empty);
        Assert.That(analysis.Urcs.Single().Text, Is.EqualTo("+MQTTOPEN: OK"));
    }

    [Test]
    public void A_message_ending_in_a_bracketed_time_inside_quotes_keeps_it()
    {
        var (_, records) = TempLog.Read("""
            AT+MQTTSUB="dev/cmd",1    (14:00:00.100)
            OK    (14:00:00.150)
            +MQTTSUBACK: 1,1,dev/cmd    (14:00:00.400)
            +MQTTPUBLISH: 0,1,0,0,dev/cmd,9,"(12:00:00)"    (14:00:05.000)
            +MQTTPUBLISH: 0,1,0,0,dev/cmd,9,"(12:00:01)"
            +CCLK: "26/11/30,14:00:00+32"
            """);

        Assert.That(records.Select(r => r.Text).Skip(3).ToList(), Is.EqualTo(new[]
        {
            "+MQTTPUBLISH: 0,1,0,0,dev/cmd,9,\"(12:00:00)\"\r\n", "+MQTTPUBLISH: 0,1,0,0,dev/cmd,9,\"(12:00:01)\"\r\n", "+CCLK: \"26/11/30,14:00:00+32\"\r\n",
        }));
        Assert.That(records[4].Time, Is.EqualTo(records[3].Time), "a line without its own stamp keeps the time before it");
    }

    /// <summary>A raw capture in which one message happens to end in a bracketed time: not a log of appended stamps.</summary>
    [Test]
    public void A_log_whose_lines_do_not_consistently_end_in_a_stamp_keeps_the_text()
    {
        var log = "AT+MQTTSUB=\"dev/note\",0\r\nOK\r\n+MQTTSUBACK: 1,0,dev/note\r\n+MQTTPUBLISH: 0,0,0,0,dev/note,18,wake at (12:00:00)\r\n" +
            "AT+CSQ\r\n+CSQ: 18,99\r\nOK\r\n";
        var (source, records) = TempLog.Read(log);

        Assert.That(source.Format, Is.Not.EqualTo(LogFormat.TrailingStamp));
        Assert.That(string.Concat(records.Select(r => r.Text)), Does.Contain("+MQTTPUBLISH: 0,0,0,0,dev/note,18,wake at (12:00:00)\r\n"));
        Assert.That(records.Select(r => r.Time), Is.All.Null);
    }

    [Test]
    public void A_stamp_with_a_zone_after_the_traffic()
    {
        var analysis = TempLog.Analyze("""
            AT+CSQ  @2026-11-30T14:00:00.100+08:00
            +CSQ: 18,99  @2026-11-30T14:00:00.150+08:00
            OK  @2026-11-30T06:00:00.190Z
            """);

        Assert.That(analysis.Exchanges.Single().LatencyMs, Is.EqualTo(90));
        Assert.That(analysis.Diagnostics, Is.Empty);
    }

    /// <summary>A script that indents the module's lines under its commands.</summary>
    [Test]
    public void Indented_answers_with_their_stamp_after_them()
    {
        var (source, records) = TempLog.Read("AT+CGATT?   [2026-11-30 14:00:00.100]\n    +CGATT: 1   [2026-11-30 14:00:00.160]\n    OK   [2026-11-30 14:00:00.170]\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.TrailingStamp));
        Assert.That(records.Select(r => r.Text), Is.EqualTo(new[] { "AT+CGATT?\r\n", "+CGATT: 1\r\n", "OK\r\n" }));
        Assert.That(TempLog.Analyze("AT+CGATT?   [14:00:00.100]\n    +CGATT: 1   [14:00:00.160]\n    OK   [14:00:00.170]\n").Exchanges.Single().LatencyMs, Is.EqualTo(70));
    }

    [Test]
    public void Crossing_midnight_in_times_of_day_after_the_traffic()
    {
        var analysis = TempLog.Analyze("AT+CSQ (23:59:59.950)\n+CSQ: 18,99 (23:59:59.990)\nOK (00:00:00.020)\n");

        Assert.That(analysis.Exchanges.Single().LatencyMs, Is.EqualTo(70));
    }

    /// <summary>A transcript whose lines carry their direction before the traffic and their stamp after it.</summary>
    [TestCase("TX: AT+CSQ            (14:00:00.100)\nRX: +CSQ: 20,99       (14:00:00.180)\nRX: OK                (14:00:00.190)\nTX: AT+MQTTSTAT?      (14:00:01.000)\nRX: +MQTTSTAT: 5      (14:00:01.040)\nRX: OK                (14:00:01.050)\n")]
    [TestCase(">> AT+CSQ\t[2026-11-30 14:00:00.100]\n<< +CSQ: 20,99\t[2026-11-30 14:00:00.180]\n<< OK\t[2026-11-30 14:00:00.190]\n>> AT+MQTTSTAT?\t[2026-11-30 14:00:01.000]\n<< +MQTTSTAT: 5\t[2026-11-30 14:00:01.040]\n<< OK\t[2026-11-30 14:00:01.050]\n")]
    public void A_marked_line_with_its_stamp_after_the_traffic_is_timed_by_it(string log)
    {
        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, e.LatencyMs)), Is.EqualTo(new (string, string?, double?)[]
        {
            ("AT+CSQ", "OK", 90), ("AT+MQTTSTAT?", "OK", 50),
        }));
        Assert.That(analysis.Exchanges.Select(e => e.Information.Single()), Is.EqualTo(new[] { "+CSQ: 20,99", "+MQTTSTAT: 5" }));
        Assert.That(analysis.Diagnostics, Is.Empty);
    }

    [Test]
    public void In_a_transcript_whose_lines_carry_no_stamp_a_message_ending_in_a_time_keeps_it()
    {
        var analysis = TempLog.Analyze("TX: AT+CSQ\nRX: +CSQ: 20,99\nRX: OK\nRX: +MQTTPUBLISH: 0,0,0,0,\"t\",15,done (12:00:00)\n");

        Assert.That(analysis.Diagnostics, Is.Empty, "the message is whole: 15 bytes, as msg_len says");
        Assert.That(analysis.Urcs.Single().Time, Is.Null);
    }
}
