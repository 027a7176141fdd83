using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// Stamps as scripts, loggers and other terminals write them, without brackets (hand-written here, in conventions the
/// corpus generators do not use): Python's logging, ISO 8601 with a zone, dates with slashes, a time of day alone.
/// </summary>
public class BareStampTests
{
    private static DateTimeOffset At(int day, int hour, int minute, int second, int millisecond) =>
        new(2026, 11, day, hour, minute, second, millisecond, TimeSpan.Zero);

    private static readonly (LogDirection, string)[] Csq =
        [(LogDirection.ToModule, "AT+CSQ"), (LogDirection.FromModule, "+CSQ: 20,99"), (LogDirection.FromModule, "OK")];

    [TestCase("2026-11-29 10:00:01,123 AT+CSQ\n2026-11-29 10:00:01,200 +CSQ: 20,99\n2026-11-29 10:00:01,210 OK\n", TestName = "Python logging: a comma before the milliseconds")]
    [TestCase("2026-11-29T10:00:01.123Z AT+CSQ\r\n2026-11-29T10:00:01.200Z +CSQ: 20,99\r\n2026-11-29T10:00:01.210Z OK\r\n", TestName = "ISO 8601 in UTC")]
    [TestCase("2026-11-29T10:00:01.123+08:00\tAT+CSQ\n2026-11-29T10:00:01.200+08:00\t+CSQ: 20,99\n2026-11-29T10:00:01.210+08:00\tOK\n", TestName = "ISO 8601 with an offset, then a tab")]
    [TestCase("2026/11/29 10:00:01.123 AT+CSQ\n2026/11/29 10:00:01.200 +CSQ: 20,99\n2026/11/29 10:00:01.210 OK\n", TestName = "a date with slashes")]
    [TestCase("[2026-11-29 10:00:01.123]\tAT+CSQ\n[2026-11-29 10:00:01.200]\t+CSQ: 20,99\n[2026-11-29 10:00:01.210]\tOK\n", TestName = "Tera Term's stamp, then a tab")]
    [TestCase("[2026-11-29_10:00:01:123]AT+CSQ\r\n[2026-11-29_10:00:01:200]+CSQ: 20,99\r\n[2026-11-29_10:00:01:210]OK\r\n", TestName = "QCOM: an underscore before the time, a colon before the milliseconds")]
    [TestCase("2026-11-29 10:00:01,123 | AT+CSQ\n2026-11-29 10:00:01,200 | +CSQ: 20,99\n2026-11-29 10:00:01,210 | OK\n", TestName = "a bar after the stamp")]
    [TestCase("2026-11-29 10:00:01,123 INFO AT+CSQ\n2026-11-29 10:00:01,200 INFO +CSQ: 20,99\n2026-11-29 10:00:01,210 INFO OK\n", TestName = "a level after the stamp")]
    [TestCase("2026-11-29 10:00:01,123 - modem - DEBUG - AT+CSQ\n2026-11-29 10:00:01,200 - modem - DEBUG - +CSQ: 20,99\n2026-11-29 10:00:01,210 - modem - DEBUG - OK\n", TestName = "Python logging's default format")]
    [TestCase("[2026-11-29 10:00:01.123][DEBUG] AT+CSQ\n[2026-11-29 10:00:01.200][DEBUG] +CSQ: 20,99\n[2026-11-29 10:00:01.210][DEBUG] OK\n", TestName = "a level in brackets after Tera Term's stamp")]
    public void A_bare_date_and_time_stamps_each_line(string log)
    {
        var (source, records) = TempLog.Read(log);

        Assert.That(source.Format, Is.EqualTo(LogFormat.Timestamped));
        Assert.That(Traffic.Lines(records), Is.EqualTo(Csq));
        // The zone is read past: times are the log's wall-clock times as written.
        Assert.That(records.Select(r => r.Time), Is.EqualTo(new DateTimeOffset?[] { At(29, 10, 0, 1, 123), At(29, 10, 0, 1, 200), At(29, 10, 0, 1, 210) }));
    }

    [Test]
    public void A_bare_time_of_day_stamps_each_line_and_crosses_midnight()
    {
        var (source, records) = TempLog.Read("23:59:59.900 AT+CSQ\r\n00:00:00.100 +CSQ: 20,99\r\n00:00:00.110 OK\r\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.Tio));
        Assert.That(Traffic.Lines(records), Is.EqualTo(Csq));
        Assert.That(records[2].SinceStart, Is.EqualTo(TimeSpan.FromMilliseconds(210)));
    }

    [TestCase("[10:00:01:123] AT+CSQ\n[10:00:01:200] +CSQ: 20,99\n[10:00:01:210] OK\n", TestName = "a colon before the milliseconds, in brackets")]
    [TestCase("10:00:01:123\tAT+CSQ\r\n10:00:01:200\t+CSQ: 20,99\r\n10:00:01:210\tOK\r\n", TestName = "a colon before the milliseconds, then a tab")]
    [TestCase("10:00:01.123\tAT+CSQ\n10:00:01.200\t+CSQ: 20,99\n10:00:01.210\tOK\n", TestName = "a time of day, then a tab")]
    public void Other_time_of_day_stamps_are_read_as_times(string log)
    {
        var (source, records) = TempLog.Read(log);

        Assert.That(source.Format, Is.EqualTo(LogFormat.Tio));
        Assert.That(Traffic.Lines(records), Is.EqualTo(Csq));
        Assert.That(records.Select(r => r.SinceStart), Is.EqualTo(new TimeSpan?[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(77), TimeSpan.FromMilliseconds(87) }));
    }

    [TestCase("2026/11/29 9:00:01.123 AT+CSQ\n2026/11/29 9:00:01.200 +CSQ: 20,99\n2026/11/29 9:00:01.210 OK\n", 9, TestName = "a Windows locale's date and time, not padded")]
    [TestCase("[2026/11/29 8:00:01.123] AT+CSQ\n[2026/11/29 8:00:01.200] +CSQ: 20,99\n[2026/11/29 8:00:01.210] OK\n", 8, TestName = "an hour not padded, in brackets")]
    [TestCase("2026-11-29 10:00:01.123 AT+CSQ\n2026-11-29 10:00:01.200 +CSQ: 20,99\n2026-11-29 10:00:01.210 OK\n", 10, TestName = "the padded form stays Tera Term's")]
    public void A_date_as_a_Windows_locale_writes_it_keeps_its_date(string log, int hour)
    {
        var (source, records) = TempLog.Read(log);

        Assert.That(source.Format, Is.EqualTo(hour == 10 ? LogFormat.Timestamped : LogFormat.Tio));
        Assert.That(source.Detection.Confidence, Is.EqualTo(1));
        Assert.That(Traffic.Lines(records), Is.EqualTo(Csq));
        Assert.That(records.Select(r => r.Time), Is.EqualTo(new DateTimeOffset?[] { At(29, hour, 0, 1, 123), At(29, hour, 0, 1, 200), At(29, hour, 0, 1, 210) }));
    }

    [Test]
    public void Epoch_seconds_stamp_each_line()
    {
        // 1795942801 is 2026-11-29 09:00:01 UTC.
        var (source, records) = TempLog.Read("1795942801.123 AT+CSQ\n1795942801.200 +CSQ: 20,99\n1795942801.210 OK\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.Tio));
        Assert.That(Traffic.Lines(records), Is.EqualTo(Csq));
        Assert.That(records[0].Time, Is.EqualTo(At(29, 9, 0, 1, 123)));
    }

    [TestCase("[   12.003] AT+CSQ\n[   12.080] +CSQ: 20,99\n[   12.090] OK\n", 12003, TestName = "seconds since start, as a kernel or an RTOS stamps")]
    [TestCase("[12003] AT+CSQ\n[12080] +CSQ: 20,99\n[12090] OK\n", 12003, TestName = "milliseconds since start, as an MCU's millis() stamps")]
    public void Time_since_start_stamps_each_line(string log, int first)
    {
        var (source, records) = TempLog.Read(log);

        Assert.That(source.Format, Is.EqualTo(LogFormat.Tio));
        Assert.That(Traffic.Lines(records), Is.EqualTo(Csq));
        Assert.That(records.Select(r => r.SinceStart), Is.EqualTo(new TimeSpan?[] { TimeSpan.FromMilliseconds(first), TimeSpan.FromMilliseconds(first + 77), TimeSpan.FromMilliseconds(first + 87) }));
        Assert.That(records.Select(r => r.Time), Is.All.Null);
    }

    [Test]
    public void A_bare_ERROR_after_the_stamp_is_the_modules_result_not_a_level()
    {
        var (_, records) = TempLog.Read("2026-11-29 10:00:01,123 INFO AT+CSQ\n2026-11-29 10:00:01,200 ERROR\n");

        Assert.That(Traffic.Lines(records), Is.EqualTo(new[] { (LogDirection.ToModule, "AT+CSQ"), (LogDirection.FromModule, "ERROR") }));
    }

    [Test]
    public void An_ESP_IDF_log_is_timed_from_boot()
    {
        var (source, records) = TempLog.Read("I (12003) modem: AT+CSQ\nI (12080) modem: +CSQ: 20,99\nW (12090) modem: OK\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.Tio));
        Assert.That(Traffic.Lines(records), Is.EqualTo(Csq));
        Assert.That(records.Select(r => r.SinceStart), Is.EqualTo(new TimeSpan?[] { TimeSpan.FromMilliseconds(12003), TimeSpan.FromMilliseconds(12080), TimeSpan.FromMilliseconds(12090) }));
    }

    [Test]
    public void Notes_with_slashed_dates_and_arrows_are_a_transcript_whose_arrows_give_the_direction()
    {
        // The module's answer written as `<<`, a comment and a blank received line between.
        var (source, records) = TempLog.Read(
            "2026/11/29 10:00:01 >> AT+CSQ\n// 信号\n2026/11/29 10:00:01 << \n2026/11/29 10:00:02 << +CSQ: 20,99\n2026/11/29 10:00:02 << OK\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.Transcript));
        Assert.That(source.Detection.Confidence, Is.EqualTo(1));
        Assert.That(Traffic.Lines(records), Is.EqualTo(Csq));
        Assert.That(records[^1].Time, Is.EqualTo(At(29, 10, 0, 2, 0)));
    }

    [Test]
    public void A_trace_without_its_first_lines_is_still_a_trace()
    {
        // `tail` of a trace: its records start with a bare stamp too.
        var (source, records) = TempLog.Read(
            "2026-11-29T22:26:01.442778Z * link opened emulator\n2026-11-29T22:26:01.442778Z > AT+CSQ\\r\\n\n" +
            "2026-11-29T22:26:01.452778Z < \\r\\n+CSQ: 20,99\\r\\n\\r\\nOK\\r\\n\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.Trace));
        Assert.That(Traffic.Lines(records), Is.EqualTo(Csq));
    }

    [TestCase("2026-11-29 10:00:01.5,AT")]
    [TestCase("2026-13-29 10:00:01 AT")]
    [TestCase("2026-11/29 10:00:01 AT")]
    public void A_line_that_only_looks_stamped_is_not_read_as_one(string line)
    {
        var (source, _) = TempLog.Read(line + "\nAT\r\nOK\r\n");

        Assert.That(source.Format, Is.Not.EqualTo(LogFormat.Timestamped));
    }
}
