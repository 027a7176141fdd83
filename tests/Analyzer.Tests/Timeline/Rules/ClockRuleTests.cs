using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Tests.Readers;
using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Tests.Timeline.Rules;

/// <summary>A Tera Term log whose PC clock was set back mid-exchange (written by hand): no negative latency, a warning where it went back.</summary>
public class ClockRuleTests
{
    [Test]
    public void A_clock_set_back_is_reported_and_no_latency_is_measured_across_it()
    {
        var text = "[2026-11-29 10:00:05.000] AT+CSQ\r\n[2026-11-29 10:00:04.900] +CSQ: 20,99\r\n[2026-11-29 10:00:04.950] OK\r\n" +
            "[2026-11-29 10:00:06.000] AT+CGATT?\r\n[2026-11-29 10:00:06.100] +CGATT: 1\r\n[2026-11-29 10:00:06.120] OK\r\n";
        var analysis = TempLog.Analyze(text);

        Assert.That(analysis.Exchanges.Select(e => e.LatencyMs), Is.EqualTo(new double?[] { null, 120 }));
        Assert.That(analysis.Diagnostics.Select(d => (d.Line, d.Code)), Is.EqualTo(new[] { (2L, "time-went-back") }));
        Assert.That(analysis.Diagnostics[0].Message, Does.StartWith("the time goes back 100 ms here (line 1 is later)"));
        Assert.That(analysis.Statistics.Commands.Single(c => c.Command == "AT+CSQ").MinMs, Is.Null, "no negative latency in the statistics");
    }

    [Test]
    public void A_clock_that_restarts_at_2000_after_a_reboot_says_how_far_back_in_days()
    {
        // A module's RTC not set again after a watchdog reset: its stamps start over at 2000-01-01.
        var text = "[2026-12-01 00:00:05.000] AT+CSQ\r\n[2026-12-01 00:00:05.040] OK\r\n[2000-01-01 00:00:04.000] AT+CGATT?\r\n[2000-01-01 00:00:04.040] OK\r\n";
        var analysis = TempLog.Analyze(text);

        Assert.That(analysis.Diagnostics.Single().Message, Does.StartWith("the time goes back 9831 d 0 h 0 min here (line 2 is later)"));
    }

    [Test]
    public void Lines_of_one_moment_are_no_jump()
    {
        var text = "[2026-11-29 10:00:05.120] AT+CSQ\r\n[2026-11-29 10:00:05.120] +CSQ: 20,99\r\n[2026-11-29 10:00:05.120] OK\r\n";
        var analysis = TempLog.Analyze(text);

        Assert.That(analysis.Diagnostics, Is.Empty);
        Assert.That(analysis.Exchanges.Single().LatencyMs, Is.Zero);
    }

    /// <summary>
    /// Stamps of a stamp's shape that are no time (a logger that formats a broken clock): every line is still read, each
    /// such line is named, and no latency is measured from a time the line does not have.
    /// </summary>
    [Test]
    public void Lines_whose_stamp_is_no_time_are_read_without_a_time_and_named()
    {
        var text = "[2024-01-02 10:11:12.000] AT+CSQ\n[2024-01-02 10:11:12.050] +CSQ: 20,99\n[2024-01-02 10:11:12.051] OK\n" +
            "[2024-02-30 10:11:13.000] AT\n[2024-02-30 10:11:13.010] OK\n" +
            "[2024-13-01 10:11:14.000] AT+CGATT?\n[2024-01-02 25:61:61.000] +CGATT: 1\n[2024-01-02 10:11:14.100] OK\n";
        var analysis = TempLog.Analyze(text);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, e.LatencyMs)), Is.EqualTo(new (string, string?, double?)[]
        {
            ("AT+CSQ", "OK", 50 + 1), ("AT", "OK", null), ("AT+CGATT?", "OK", null),
        }));
        Assert.That(analysis.Exchanges[2].Information, Is.EqualTo(new[] { "+CGATT: 1" }));
        Assert.That(analysis.Diagnostics.Select(d => (d.Line, d.Code)), Is.EqualTo(new[]
        {
            (4L, "stamp-not-a-time"), (5L, "stamp-not-a-time"), (6L, "stamp-not-a-time"), (7L, "stamp-not-a-time"),
        }));
    }

    /// <summary>A device that logs its own clock before it is set prints a date of zeros: the times of day still count.</summary>
    [Test]
    public void A_date_of_zeros_is_a_clock_not_set_and_its_times_of_day_count()
    {
        var text = "[0000-00-00 00:00:01.000] AT+CSQ\n[0000-00-00 00:00:01.120] +CSQ: 20,99\n[0000-00-00 00:00:01.121] OK\n" +
            "[0000-00-00 00:00:02.000] AT\n[0000-00-00 00:00:02.030] OK\n";
        var analysis = TempLog.Analyze(text);

        Assert.That(analysis.Exchanges.Select(e => e.LatencyMs), Is.EqualTo(new double?[] { 121, 30 }));
        Assert.That(analysis.Diagnostics, Is.Empty);
        Assert.That(LogRecord.IsDated(analysis.Exchanges[0].Time!.Value.DateTime), Is.False, "no date is made up");
    }

    [Test]
    public void The_line_named_later_is_the_one_the_time_is_from_not_an_unstamped_line_after_it()
    {
        var text = "[2026-11-29 10:00:05.000] AT+CSQ\r\n[2026-11-29 10:00:05.100] OK\r\n=== next device ===\r\n" +
            "[2026-11-29 09:00:00.000] AT\r\n[2026-11-29 09:00:00.020] OK\r\n";
        var analysis = TempLog.Analyze(text);

        Assert.That(analysis.Diagnostics.Single().Message, Does.Contain("(line 2 is later)"));
    }

    /// <summary>The PC's clock set back a minute while connected: the time connected is counted on each side of the step, not across it.</summary>
    [Test]
    public void Time_connected_is_not_measured_across_a_clock_set_back()
    {
        var text = "[2026-11-29 10:00:00.000] AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n[2026-11-29 10:00:00.050] OK\r\n" +
            "[2026-11-29 10:00:01.000] +MQTTOPEN: OK\r\n[2026-11-29 10:00:11.000] AT+CSQ\r\n[2026-11-29 10:00:11.040] +CSQ: 20,99\r\n" +
            "[2026-11-29 09:59:11.041] OK\r\n[2026-11-29 09:59:16.041] AT+CSQ\r\n[2026-11-29 09:59:16.080] +CSQ: 20,99\r\n[2026-11-29 09:59:16.081] OK\r\n";
        var analysis = TempLog.Analyze(text);

        Assert.That(analysis.Statistics.UptimeMs, Is.EqualTo(10_040 + 5_040), "10.04 s before the step, 5.04 s after it");
        Assert.That(analysis.Diagnostics.Select(d => (d.Line, d.Code)), Is.EqualTo(new[] { (6L, "time-went-back") }));
    }
}
