using System.Text;
using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// A stamp in the same minute as the one before is read from its seconds on: it must give the time a stamp read on its
/// own gives, whatever came before it (a new day, a leap day, time going back, a stamp of another shape).
/// </summary>
public class StampMinuteTests
{
    private static DateTimeOffset At(int year, int month, int day, int hour, int minute, int second, long ticks = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).AddTicks(ticks);

    // Each stamp and the time it stands for (null: the shape of a stamp, but no time), in the order a log could hold them.
    private static readonly (string Stamp, DateTimeOffset? Time)[] Stamps =
    [
        ("2024-02-28 23:59:58.100", At(2024, 2, 28, 23, 59, 58, 1_000_000)),
        ("2024-02-28 23:59:59.9999999", At(2024, 2, 28, 23, 59, 59, 9_999_999)),
        ("2024-02-29 00:00:00.001", At(2024, 2, 29, 0, 0, 0, 10_000)),
        ("2024-02-29 00:00:59", At(2024, 2, 29, 0, 0, 59)),
        ("2024-02-29 00:00:60", null),
        ("2024-02-29 00:00:61.5", null),
        ("2024-02-29 00:00:05,5", At(2024, 2, 29, 0, 0, 5, 5_000_000)),
        ("2024-02-29 00:00:07:250", At(2024, 2, 29, 0, 0, 7, 2_500_000)),
        ("2024-02-29 00:00:08.25Z", At(2024, 2, 29, 0, 0, 8, 2_500_000)),
        ("2024-02-29 00:00:09+08:00", At(2024, 2, 29, 0, 0, 9)),
        ("2024-02-29 00:00:10.", At(2024, 2, 29, 0, 0, 10)),
        ("2024-02-29 00:01:00.000", At(2024, 2, 29, 0, 1, 0)),
        ("2024-02-29 00:00:30.000", At(2024, 2, 29, 0, 0, 30)),
        ("2023-02-29 00:00:30.000", null),
        ("2023-02-28 00:00:30.000", At(2023, 2, 28, 0, 0, 30)),
        ("2024-02-29T00:00:31.000", At(2024, 2, 29, 0, 0, 31)),
        ("2024/02/29 00:00:32", At(2024, 2, 29, 0, 0, 32)),
        ("2024/02/29 00:00:33", At(2024, 2, 29, 0, 0, 33)),
        ("2024-03-01 00:00:00.5", At(2024, 3, 1, 0, 0, 0, 5_000_000)),
        ("2024-12-31 23:59:59.999", At(2024, 12, 31, 23, 59, 59, 9_990_000)),
        ("2025-01-01 00:00:00.000", At(2025, 1, 1, 0, 0, 0)),
        ("0000-00-00 00:00:12.3", At(2000, 1, 1, 0, 0, 12, 3_000_000)),
        ("0000-00-00 00:00:13", At(2000, 1, 1, 0, 0, 13)),
        ("2025-01-01 24:00:00", null),
        ("2025-01-01 24:00:01", null),
        ("2025-01-01 23:60:00", null),
    ];

    [Test]
    public void Stamps_read_one_after_another_give_the_times_each_gives_alone()
    {
        var last = new LogClock.LastMinute();
        foreach (var (stamp, expected) in Stamps)
        {
            var bytes = Encoding.ASCII.GetBytes(stamp + " OK");
            var length = LogClock.ReadDateTime(bytes, ref last, out var time, out var real, out _);
            var lengthAlone = LogClock.ReadDateTime(bytes, out var timeAlone, out var realAlone);

            Assert.That((length, time, real), Is.EqualTo((lengthAlone, timeAlone, realAlone)), stamp);
            Assert.That(real ? time : (DateTimeOffset?)null, Is.EqualTo(expected), stamp);
            Assert.That(length, Is.EqualTo(stamp.TrimEnd('.').Length), $"{stamp}: the stamp is read to its end (a dot without digits is not part of it)");
        }
    }

    [Test]
    public void A_stamp_in_the_minute_before_it_with_a_fraction_too_long_is_no_stamp()
    {
        var last = new LogClock.LastMinute();
        LogClock.ReadDateTime("2024-05-06 07:08:09.123 OK"u8, ref last, out _, out _, out _);

        Assert.That(LogClock.ReadDateTime("2024-05-06 07:08:10.12345678 OK"u8, ref last, out _, out _, out _), Is.Zero);
        Assert.That(LogClock.ReadDateTime("2024-05-06 07:08:1x OK"u8, ref last, out _, out _, out _), Is.Zero);
        Assert.That(LogClock.ReadDateTime("2024-05-06 07:08-11 OK"u8, ref last, out _, out _, out _), Is.Zero);
        Assert.That(LogClock.ReadDateTime("2024-05-06 07:08:1"u8, ref last, out _, out _, out _), Is.Zero, "cut short");
    }

    [Test]
    public void A_tera_term_log_across_midnight_and_a_leap_day_reads_the_times_it_stamps()
    {
        var lines = new[]
        {
            "[2024-02-28 23:59:59.950] AT+CSQ", "[2024-02-28 23:59:59.990] +CSQ: 18,99", "[2024-02-29 00:00:00.010] OK",
            "[2024-02-29 00:00:00.020] 2024-02-29 00:00:05 - modem - DEBUG - AT+CSQ", "[2024-02-29 00:00:00.005] +CSQ: 17,99",
            "[2024-02-30 00:00:00.030] OK", "[2024-03-01 00:00:00.040] OK",
        };
        var log = Encoding.ASCII.GetBytes(string.Join("\n", lines) + "\n");

        var records = new TimestampedReader().Read([new LineSplitter(new MemoryStream(log), "midnight.log")]).ToArray();

        Assert.That(records.Select(r => r.Time), Is.EqualTo(new DateTimeOffset?[]
        {
            At(2024, 2, 28, 23, 59, 59, 9_500_000), At(2024, 2, 28, 23, 59, 59, 9_900_000), At(2024, 2, 29, 0, 0, 0, 100_000),
            At(2024, 2, 29, 0, 0, 0, 200_000), At(2024, 2, 29, 0, 0, 0, 50_000), null, At(2024, 3, 1, 0, 0, 0, 400_000),
        }), "the same minute on another day is another time; time going back stays as written; 02-30 is no time");
        Assert.That(Encoding.ASCII.GetString(records[3].Data), Is.EqualTo("2024-02-29 00:00:05 - modem - DEBUG - AT+CSQ\r\n"),
            "a second stamp after the first is the line's text");
    }
}
