using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// Logs whose script writes each line's stamp after its traffic as Unix epoch time (written by hand as such scripts
/// append it: <c>time.time()</c> in brackets, <c>Date.now()</c> after <c>@</c>): the stamp is an instant in UTC and no part
/// of the line; an ordinary number at the end of a line (a signal quality, a message's payload, an id) is never one.
/// </summary>
public class EpochTrailingStampTests
{
    private static readonly DateTimeOffset At1400 = new(2025, 12, 1, 14, 0, 0, TimeSpan.Zero);   // 1764597600

    [TestCase("AT+CSQ  [1764597600.123]\n+CSQ: 20,99  [1764597600.203]\nOK  [1764597600.213]\nAT+CGATT?  [1764597601]\n+CGATT: 1  [1764597601.04]\nOK  [1764597601.05]\n",
        TestName = "epoch seconds in brackets, a fraction or none")]
    [TestCase("AT+CSQ @1764597600123\r\n+CSQ: 20,99 @1764597600203\r\nOK @1764597600213\r\nAT+CGATT? @1764597601000\r\n+CGATT: 1 @1764597601040\r\nOK @1764597601050\r\n",
        TestName = "epoch milliseconds after @")]
    [TestCase("AT+CSQ\t\t(1764597600.123456)\n+CSQ: 20,99\t(1764597600.203456)\nOK\t\t(1764597600.213456)\nAT+CGATT?\t(1764597601.000001)\n+CGATT: 1\t(1764597601.040001)\nOK\t\t(1764597601.050001)\n",
        TestName = "epoch seconds with microseconds in parentheses after tabs")]
    public void Epoch_time_after_the_traffic_times_each_line(string log)
    {
        var (source, records) = TempLog.Read(log);

        Assert.That(source.Format, Is.EqualTo(LogFormat.TrailingStamp));
        Assert.That(records.Select(r => r.Text), Is.EqualTo(new[] { "AT+CSQ\r\n", "+CSQ: 20,99\r\n", "OK\r\n", "AT+CGATT?\r\n", "+CGATT: 1\r\n", "OK\r\n" }));
        Assert.That(records[0].Time!.Value.UtcDateTime, Is.EqualTo(At1400.AddMilliseconds(123).UtcDateTime).Within(TimeSpan.FromMilliseconds(1)));
        Assert.That(records[0].Time!.Value.Offset, Is.EqualTo(TimeSpan.Zero), "epoch time is UTC");

        var analysis = TempLog.Analyze(log);
        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, e.LatencyMs)), Is.EqualTo(new (string, string?, double?)[]
        {
            ("AT+CSQ", "OK", 90), ("AT+CGATT?", "OK", 50),
        }));
        Assert.That(analysis.Diagnostics, Is.Empty);
    }

    [Test]
    public void A_transcript_with_epoch_stamps_after_its_marked_lines()
    {
        var analysis = TempLog.Analyze("TX: AT+CSQ          [1764597600.100]\nRX: +CSQ: 20,99      [1764597600.180]\nRX: OK               [1764597600.190]\n" +
            "TX: AT+MQTTSTAT?     [1764597601.000]\nRX: +MQTTSTAT: 5     [1764597601.040]\nRX: OK               [1764597601.050]\n");

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, string.Join("|", e.Information), e.LatencyMs)), Is.EqualTo(new (string, string?, string, double?)[]
        {
            ("AT+CSQ", "OK", "+CSQ: 20,99", 90), ("AT+MQTTSTAT?", "OK", "+MQTTSTAT: 5", 50),
        }));
        Assert.That(analysis.Exchanges[0].Time, Is.EqualTo(At1400.AddMilliseconds(100)));
        Assert.That(analysis.Diagnostics, Is.Empty);
    }

    /// <summary>The numbers a module's lines end in: its own, not a stamp.</summary>
    [Test]
    public void Numbers_ending_a_line_without_the_logs_bracket_are_the_lines_own()
    {
        // Stamped in brackets: a payload of digits, an id after a comma, a signal quality are the module's; a message
        // ending in a number after `@` (another separator than the log's) is too.
        var (_, records) = TempLog.Read("AT+MQTTSUB=\"dev/job\",1  [1764597600.100]\n" +
            "OK  [1764597600.150]\n" +
            "+MQTTSUBACK: 1,1,dev/job  [1764597600.400]\n" +
            "+MQTTPUBLISH: 0,1,0,0,dev/job,10,1234567890  [1764597605.000]\n" +
            "+MQTTPUBLISH: 0,1,0,0,dev/job,10,1764597609\n" +
            "+MQTTPUBLISH: 0,1,0,0,dev/job,17,run @1764597609123\n" +
            "+CSQ: 20,99\n");

        Assert.That(records.Select(r => r.Text).Skip(3), Is.EqualTo(new[]
        {
            "+MQTTPUBLISH: 0,1,0,0,dev/job,10,1234567890\r\n", "+MQTTPUBLISH: 0,1,0,0,dev/job,10,1764597609\r\n",
            "+MQTTPUBLISH: 0,1,0,0,dev/job,17,run @1764597609123\r\n", "+CSQ: 20,99\r\n",
        }));
        Assert.That(records.Skip(4).Select(r => r.Time), Is.All.EqualTo(At1400.AddSeconds(5)), "lines without the log's stamp keep the time before them");
    }

    /// <summary>
    /// A message of the module's, unstamped, that ends in a bracketed ten-digit number exactly as the log's stamps are
    /// written: the number lands sixteen years before the stamps around it, so it is the message's.
    /// </summary>
    [Test]
    public void A_bracketed_number_far_from_the_logs_clock_is_the_lines_own()
    {
        const string log = "AT+MQTTSUB=\"dev/job\",1  [1764597600]\n" +
            "OK  [1764597600]\n" +
            "+MQTTSUBACK: 1,1,dev/job  [1764597601]\n" +
            "+MQTTPUBLISH: 0,0,0,0,dev/job,16,seq [1234567890]\n" +
            "AT+CSQ  [1764597610]\n" +
            "+CSQ: 20,99  [1764597610]\n" +
            "OK  [1764597610]\n";
        var (source, records) = TempLog.Read(log);

        Assert.That(source.Format, Is.EqualTo(LogFormat.TrailingStamp));
        Assert.That(records[3].Text, Is.EqualTo("+MQTTPUBLISH: 0,0,0,0,dev/job,16,seq [1234567890]\r\n"), "the message keeps its number");
        Assert.That(records[3].Time, Is.EqualTo(At1400.AddSeconds(1)), "and the time before it");
        Assert.That(records[4].Time, Is.EqualTo(At1400.AddSeconds(10)), "the stamps after it are read");

        var analysis = TempLog.Analyze(log);
        Assert.That(analysis.Urcs.Select(u => (u.Name, u.Time)), Does.Contain(("+MQTTPUBLISH", (DateTimeOffset?)At1400.AddSeconds(1))));
        Assert.That(analysis.Diagnostics.Select(d => d.Code), Does.Not.Contain("time-went-back"), "the log's clock never went back sixteen years");
    }

    [Test]
    public void A_transcript_with_epoch_stamps_after_its_lines_keeps_a_messages_bracketed_number()
    {
        var (_, records) = TempLog.Read("TX: AT+CSQ          [1764597600]\nRX: +CSQ: 20,99      [1764597600]\nRX: OK               [1764597600]\n" +
            "RX: +MQTTPUBLISH: 0,0,0,0,dev/job,16,seq [1234567890]\n" +
            "TX: AT+MQTTSTAT?     [1764597601]\nRX: +MQTTSTAT: 5     [1764597601]\nRX: OK               [1764597601]\n");

        Assert.That(records[3].Text, Is.EqualTo("+MQTTPUBLISH: 0,0,0,0,dev/job,16,seq [1234567890]\r\n"));
        Assert.That(records[3].Time, Is.EqualTo(At1400));
        Assert.That(records[4].Time, Is.EqualTo(At1400.AddSeconds(1)));
    }

    /// <summary>The log's own clock may pause for hours, or be set back by a time sync: every stamp is still read.</summary>
    [Test]
    public void A_pause_or_a_clock_set_back_keeps_every_stamp()
    {
        var (_, records) = TempLog.Read("AT+CSQ  [1764597600]\nOK  [1764597600]\n" +
            // Five hours later, then the host's clock set back two hours by a time sync.
            "AT+CSQ  [1764615600]\nOK  [1764615600]\n" +
            "AT+CGATT?  [1764608400]\n+CGATT: 1  [1764608400]\nOK  [1764608401]\n");

        Assert.That(records.Select(r => r.Time!.Value.ToUnixTimeSeconds()), Is.EqualTo(new long[] { 1764597600, 1764597600, 1764615600, 1764615600, 1764608400, 1764608400, 1764608401 }));
        Assert.That(records.Select(r => r.Text), Has.None.Contains("["));
    }

    [Test]
    public void A_log_stamped_by_the_clock_takes_no_bracketed_number_for_a_stamp()
    {
        var (source, records) = TempLog.Read("AT+MQTTPUB=\"dev/id\",1,0,0,12,[1764597600]    (14:00:00.100)\n" +
            "OK    (14:00:00.150)\n" +
            "+MQTTPUBLISH: 0,1,0,0,dev/id,12,seq [1764597611]\n" +
            "AT+CSQ    (14:00:01.000)\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.TrailingStamp));
        Assert.That(records[2].Text, Is.EqualTo("+MQTTPUBLISH: 0,1,0,0,dev/id,12,seq [1764597611]\r\n"));
        Assert.That(records[2].Time!.Value.TimeOfDay, Is.EqualTo(new TimeSpan(0, 14, 0, 0, 150)));
    }

    [Test]
    public void A_raw_capture_whose_lines_end_in_numbers_is_not_read_as_stamped()
    {
        var (source, records) = TempLog.Read("AT+CSQ\r\n+CSQ: 20,99\r\nOK\r\n+MQTTPUBLISH: 0,0,0,0,dev/t,10,1764597600\r\n+MQTTPUBLISH: 0,0,0,0,dev/t,13,1764597600123\r\n");

        Assert.That(source.Format, Is.Not.EqualTo(LogFormat.TrailingStamp));
        Assert.That(string.Concat(records.Select(r => r.Text)), Does.Contain(",10,1764597600\r\n").And.Contain(",13,1764597600123\r\n"));
        Assert.That(records.Select(r => r.Time), Is.All.Null);
    }
}
