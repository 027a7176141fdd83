using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

public class TimeTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute, int second, int millisecond = 0) =>
        new(year, month, day, hour, minute, second, millisecond, TimeSpan.Zero);

    [Test]
    public void Tio_time_of_day_crosses_midnight()
    {
        var (_, records) = TempLog.Read("[23:59:59.900] AT\n[00:00:00.100] OK\n", LogFormat.Tio);

        Assert.That(records.Select(r => r.Time), Is.EqualTo(new DateTimeOffset?[] { Utc(2000, 1, 1, 23, 59, 59, 900), Utc(2000, 1, 2, 0, 0, 0, 100) }));
    }

    [TestCase("2026-11-30 23:59:59,101 gateway INFO sending\n[23:59:59.900] AT\n[00:00:00.100] OK\n", TestName = "a logger's dated stamp among a terminal's times of day")]
    [TestCase("2026/11/30 23:59:59.101 => AT\n23:59:59.900 <= AT\n00:00:00.100 <= OK\n", TestName = "a transcript's dated stamp among times of day")]
    public void A_time_of_day_takes_the_date_of_the_dated_stamp_before_it(string log)
    {
        var (_, records) = TempLog.Read(log);

        Assert.That(records.Select(r => r.Time).TakeLast(2), Is.EqualTo(new DateTimeOffset?[] { Utc(2026, 11, 30, 23, 59, 59, 900), Utc(2026, 12, 1, 0, 0, 0, 100) }));
    }

    [Test]
    public void Tio_iso_stamps_carry_their_date()
    {
        var (source, records) = TempLog.Read("[2024-01-02T10:11:12.123] AT\n[2024-01-02T10:11:12.150] OK\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.Tio));
        Assert.That(records[1].Time, Is.EqualTo(Utc(2024, 1, 2, 10, 11, 12, 150)));
        Assert.That(records[1].SinceStart, Is.EqualTo(TimeSpan.FromMilliseconds(27)));
    }

    [Test]
    public void Tio_relative_stamps_give_time_since_start_only()
    {
        var (_, start) = TempLog.Read("[00:00:00.000] AT\n[00:00:00.030] OK\n[00:00:02.500] +MQTTOPEN: OK\n", LogFormat.Tio);
        var (_, delta) = TempLog.Read("[00:00:00.000] AT\n[00:00:00.030] OK\n[00:00:00.020] AT+CSQ\n[00:00:00.010] OK\n", LogFormat.Tio);

        Assert.That(start.Select(r => r.Time), Is.All.Null);
        Assert.That(start.Select(r => r.SinceStart!.Value.TotalMilliseconds), Is.EqualTo(new[] { 0, 30, 2500 }));
        Assert.That(delta.Select(r => r.SinceStart!.Value.TotalMilliseconds), Is.EqualTo(new[] { 0, 30, 50, 60 }));
    }

    [Test]
    public void ModemManager_epoch_seconds_keep_microseconds()
    {
        var (_, records) = TempLog.Read("<debug> [1640639307.692391] [modem0/ttyUSB1/at] --> 'AT+CSQ<CR>'\n");

        Assert.That(records[0].Time, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1640639307).AddTicks(6_923_910)));
        Assert.That(records[0].Data, Is.EqualTo("AT+CSQ\r"u8.ToArray()));
    }

    [TestCase("12/7/2026", "13/7/2026")]
    [TestCase("7/12/2026", "7/13/2026")]
    public void Docklight_date_order_is_inferred_from_a_part_above_12(string first, string later)
    {
        var (_, records) = TempLog.Read($"{first} 14:08:35.770 [TX] - AT\r\n{later} 09:00:00.000 [RX] - OK\r\n");

        Assert.That(records[0].Time, Is.EqualTo(Utc(2026, 7, 12, 14, 8, 35, 770)));
        Assert.That(records[1].Time!.Value - records[0].Time!.Value, Is.EqualTo(new TimeSpan(0, 18, 51, 24, 230)));
    }

    [Test]
    public void Docklight_dates_that_never_decide_are_read_month_first()
    {
        var (_, records) = TempLog.Read("1/2/2024 10:00:00.000 [TX] - AT\r\n");

        Assert.That(records[0].Time, Is.EqualTo(Utc(2024, 1, 2, 10, 0, 0)));
    }

    // Windows locales other than the US one: dots are day first (German, Russian), ISO is month first, 12-hour times.
    [TestCase("2.12.2026 09:00:00.000", "2.12.2026 14:08:35,770", TestName = "Docklight_German_dates_are_day_first_whatever_their_parts")]
    [TestCase("2026-12-02 09:00:00.000", "2026-12-02 14:08:35.770", TestName = "Docklight_ISO_dates_are_month_first")]
    [TestCase("12/2/2026 9:00:00.000 AM", "12/2/2026 2:08:35.770 PM", TestName = "Docklight_12_hour_times_read_AM_and_PM")]
    public void Docklight_dates_and_times_of_other_locales(string first, string later)
    {
        var (source, records) = TempLog.Read($"{first} [TX] - AT+CSQ<CR>\r\n{later} [RX] - <CR><LF>OK<CR><LF>\r\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.Docklight));
        Assert.That(records.Select(r => r.Time), Is.EqualTo(new DateTimeOffset?[] { Utc(2026, 12, 2, 9, 0, 0), Utc(2026, 12, 2, 14, 8, 35, 770) }));
    }

    [Test]
    public void PySerial_stamps_cross_midnight_and_dots_become_line_ends()
    {
        var (_, records) = TempLog.Read("#[23:59:59] AT+QMTOPEN=0,\"1.2.3.4\",1883...OK..\n#[00:00:01] ..+QMTOPEN: 0,0..\n");

        Assert.That(Traffic.Lines(records), Is.EqualTo(new[]
        {
            (LogDirection.ToModule, "AT+QMTOPEN=0,\"1.2.3.4\",1883"), (LogDirection.FromModule, "OK"), (LogDirection.FromModule, "+QMTOPEN: 0,0"),
        }));
        Assert.That(records[^1].SinceStart, Is.EqualTo(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public void A_stamp_that_is_no_time_gives_its_line_no_time()
    {
        var (_, records) = TempLog.Read("[2024-01-02 10:11:12.000] AT\n[2024-02-30 10:11:12.500] OK\n[2024-01-02 10:11:13] AT+CSQ\n", LogFormat.Timestamped);

        Assert.That(records.Select(r => (r.Time, r.StampNotATime, r.Text)), Is.EqualTo(new (DateTimeOffset?, bool, string)[]
        {
            (Utc(2024, 1, 2, 10, 11, 12), false, "AT\r\n"), (null, true, "OK\r\n"), (Utc(2024, 1, 2, 10, 11, 13), false, "AT+CSQ\r\n"),
        }));
    }
}
