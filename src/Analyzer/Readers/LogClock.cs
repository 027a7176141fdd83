using System.Globalization;
using System.Runtime.Intrinsics;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// Turns time-of-day stamps into times: a stamp more than 12 hours earlier than the one before means the
/// log crossed midnight (23:59:59.9 then 00:00:00.1 is the next day). A log that mixes dated stamps with times of
/// day (a script's logger and a terminal's stamps in one file) gives each time of day the date of the stamp before it.
/// </summary>
/// <remarks>
/// Most logs stamp local wall-clock time without a zone; a stamp that names one is compared with the others by it
/// (<see cref="LogZone"/>). When the log names no date, days count from <see cref="BaseDate"/>, an arbitrary date that
/// only keeps times ordered.
/// </remarks>
internal sealed class LogClock(DateOnly date)
{
    /// <summary>The date of the first day of a log whose format gives time of day only.</summary>
    public static readonly DateOnly BaseDate = new(2000, 1, 1);

    private static readonly string[] TimeFormats = [@"hh\:mm\:ss\.FFFFFFF", @"hh\:mm\:ss"];
    private static readonly TimeSpan HalfDay = TimeSpan.FromHours(12);

    private TimeSpan? previous;
    private DateOnly day = date;
    private LogZone zones;

    public LogClock() : this(BaseDate) { }

    /// <summary>A time of day, with the zone it names (<c>10:11:12+08:00</c>) or else the zone in force.</summary>
    public DateTimeOffset At(TimeSpan timeOfDay, TimeSpan? zone = null)
    {
        if (previous is { } before && timeOfDay < before - HalfDay) day = day.AddDays(1);
        return Dated(day, timeOfDay, zone);
    }

    /// <summary>
    /// A stamp with its date: the times of day after it are on that date (or the days after it); with the zone it names,
    /// or else the zone in force.
    /// </summary>
    public DateTimeOffset Dated(DateOnly date, TimeSpan timeOfDay, TimeSpan? zone = null)
    {
        (day, previous) = (date, timeOfDay);
        return zones.Of(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + timeOfDay, zone);
    }

    /// <summary>A time read whole (<see cref="ReadDateTime(ReadOnlySpan{byte}, ref LastMinute, out DateTimeOffset, out bool, out TimeSpan?)"/>), as <see cref="Dated(DateOnly, TimeSpan, TimeSpan?)"/> takes it.</summary>
    public DateTimeOffset Dated(DateTimeOffset asWritten, TimeSpan? zone) => Dated(DateOnly.FromDateTime(asWritten.DateTime), asWritten.TimeOfDay, zone);

    /// <summary>Parses <c>HH:mm:ss</c> with an optional fraction of up to seven digits.</summary>
    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d"];

    /// <summary>
    /// A date as written, year first or last; with the year last, the month comes first after a slash (<c>11/30/2026</c>, a
    /// US locale) unless it cannot (<c>30/11/2026</c>), and the day first before a dot (<c>30.11.2026</c>, a German locale).
    /// </summary>
    public static DateOnly? WrittenDate(ReadOnlySpan<char> date)
    {
        if (DateOnly.TryParseExact(date, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        string[] yearLast = date.Contains('.') ? ["d.M.yyyy"] : ["M/d/yyyy", "d/M/yyyy"];
        return DateOnly.TryParseExact(date, yearLast, CultureInfo.InvariantCulture, DateTimeStyles.None, out day) ? day : null;
    }

    /// <summary><c>3:04:05:123</c> as <c>03:04:05.123</c>: an hour of one digit, and a colon or comma before the fraction, as other tools write them.</summary>
    public static string Padded(ReadOnlySpan<char> time)
    {
        var text = time[1] == ':' ? "0" + time.ToString() : time.ToString();
        return text.Length > 8 ? string.Concat(text.AsSpan(0, 8), ".", text.AsSpan(9)) : text;
    }

    /// <summary>A 12-hour clock's time in the day's first or second half (<c>2:05:11 PM</c>, <c>下午 2:05:11</c>); null when the hour is none of 1..12.</summary>
    public static TimeSpan? TwelveHour(TimeSpan time, bool pm) =>
        time.Hours is 0 or > 12 ? null : (time.Hours == 12 ? time - TimeSpan.FromHours(12) : time) + (pm ? TimeSpan.FromHours(12) : TimeSpan.Zero);

    public static bool TryParseTime(ReadOnlySpan<char> text, out TimeSpan time) =>
        TimeSpan.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, out time) && time < TimeSpan.FromDays(1);

    /// <summary>An ISO date <c>yyyy-MM-dd</c> and a time of day, as one time.</summary>
    public static bool TryParseDateTime(ReadOnlySpan<char> date, ReadOnlySpan<char> timeOfDay, out DateTimeOffset time)
    {
        time = default;
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ||
            !TryParseTime(timeOfDay, out var sinceMidnight)) return false;
        time = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + sinceMidnight;
        return true;
    }

    /// <summary>
    /// Reads <c>yyyy-MM-dd HH:mm:ss</c> with an optional fraction of one to seven digits from the start of ASCII
    /// <paramref name="text"/>, straight from the bytes (no string, no culture); returns the bytes it covers, 0 when
    /// the text does not start with such a time.
    /// </summary>
    /// <remarks>
    /// Also as other tools write it: the date with <c>/</c> or <c>.</c>, <c>T</c> before the time (ISO 8601), a comma
    /// before the fraction (Python's logging), QCOM's <c>2024-01-02_10:11:12:123</c>, a zone after it (<c>Z</c>,
    /// <c>+08:00</c>), which is read past: the time is the wall-clock time as written (the zone's reader,
    /// <see cref="ReadDateTime(ReadOnlySpan{byte}, ref LastMinute, out DateTimeOffset, out bool, out TimeSpan?)"/>, gives the zone too).
    /// </remarks>
    public static int ReadDateTime(ReadOnlySpan<byte> text, out DateTimeOffset time) =>
        ReadDateTime(text, out time, out var real) is var length && real ? length : 0;

    /// <summary>
    /// As <see cref="ReadDateTime(ReadOnlySpan{byte}, out DateTimeOffset)"/>, and also the length of a stamp of that
    /// shape whose values are no real time (<c>2024-02-30</c>, month 13, <c>25:61:61</c>): then <paramref name="real"/>
    /// is false. A date of zeros (<c>0000-00-00</c>, a device clock not set yet) with a real time of day is that time
    /// of day on <see cref="BaseDate"/>, as in a log that names no date.
    /// </summary>
    public static int ReadDateTime(ReadOnlySpan<byte> text, out DateTimeOffset time, out bool real)
    {
        LastMinute none = default;
        return ReadDateTime(text, ref none, out time, out real, out _);
    }

    /// <summary>
    /// The first 16 bytes of the last stamp read whose date, hour and minute are real (<c>2024-01-02 10:11</c>), and
    /// the ticks of that minute. A log's stamps share their minute for dozens of lines, so a stamp that starts with the
    /// same bytes has the same date, hour and minute: only its seconds, fraction and zone are left to read.
    /// </summary>
    public struct LastMinute
    {
        internal Vector128<byte> Head;
        internal long Ticks;
        internal bool Known;
    }

    /// <summary>
    /// As <see cref="ReadDateTime(ReadOnlySpan{byte}, out DateTimeOffset, out bool)"/> (the same length and time for
    /// the same bytes), the hot path of a stamped log: a stamp in the same minute as <paramref name="last"/> is read
    /// from its seconds on, any other in full, and then remembered in <paramref name="last"/>. The zone written after the
    /// time, if any, is <paramref name="zone"/> (<see cref="LogZone"/> compares the log's times by it).
    /// </summary>
    public static int ReadDateTime(ReadOnlySpan<byte> text, ref LastMinute last, out DateTimeOffset time, out bool real, out TimeSpan? zone)
    {
        (time, real, zone) = (default, false, null);
        if (text.Length < 19) return 0;
        if (last.Known && Vector128.Create(text) == last.Head) return ReadSeconds(text, last.Ticks, minuteReal: true, out time, out real, out zone);
        if (text[4] is not ((byte)'-' or (byte)'/' or (byte)'.') || text[7] != text[4] || text[10] is not ((byte)' ' or (byte)'T' or (byte)'_')
            || text[13] != ':') return 0;
        if (!TwoDigits(text, 0, out var century) || !TwoDigits(text, 2, out var yearOfCentury) || !TwoDigits(text, 5, out var month) ||
            !TwoDigits(text, 8, out var day) || !TwoDigits(text, 11, out var hour) || !TwoDigits(text, 14, out var minute)) return 0;
        var year = century * 100 + yearOfCentury;
        if (year == 0 && month == 0 && day == 0) (year, month, day) = (BaseDate.Year, BaseDate.Month, BaseDate.Day);
        var minuteReal = year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) && hour <= 23 && minute <= 59;
        var ticks = minuteReal ? new DateTime(year, month, day).Ticks + (hour * 60L + minute) * TimeSpan.TicksPerMinute : 0;
        var length = ReadSeconds(text, ticks, minuteReal, out time, out real, out zone);
        if (length > 0 && minuteReal) last = new LastMinute { Head = Vector128.Create(text), Ticks = ticks, Known = true };
        return length;
    }

    // The ticks one unit of a fraction of so many digits is: 1 for seven digits, 1 000 000 for one.
    private static readonly long[] TicksPerDigits = [0, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

    // The rest of a stamp from its seconds on (`:ss`, a fraction, a zone), in the minute whose ticks are given.
    private static int ReadSeconds(ReadOnlySpan<byte> text, long minuteTicks, bool minuteReal, out DateTimeOffset time, out bool real, out TimeSpan? zone)
    {
        (time, real, zone) = (default, false, null);
        if (text[16] != ':' || !TwoDigits(text, 17, out var second)) return 0;
        real = minuteReal && second <= 59;
        var length = 19;
        long ticks = 0;
        if (text.Length > 19 && text[19] is (byte)'.' or (byte)',' or (byte)':')
        {
            // Up to seven digits (ticks); a dot without digits is not part of the time.
            var digits = 0;
            for (; 20 + digits < text.Length && (uint)(text[20 + digits] - '0') <= 9; digits++)
            {
                if (digits == 7)
                {
                    real = false;
                    return 0;
                }
                ticks = ticks * 10 + (text[20 + digits] - '0');
            }
            ticks *= TicksPerDigits[digits];
            if (digits > 0) length = 20 + digits;
        }
        length += LogZone.Read(text[length..], out zone);
        if (real) time = new DateTimeOffset(minuteTicks + second * TimeSpan.TicksPerSecond + ticks, TimeSpan.Zero);
        return length;
    }

    private static bool TwoDigits(ReadOnlySpan<byte> text, int at, out int value)
    {
        int tens = text[at] - '0', ones = text[at + 1] - '0';
        value = tens * 10 + ones;
        return (uint)tens <= 9 && (uint)ones <= 9;
    }

    /// <summary>Seconds since 1970-01-01 UTC with a decimal fraction, as ModemManager stamps lines.</summary>
    public static bool TryParseEpoch(ReadOnlySpan<char> text, out DateTimeOffset time)
    {
        time = default;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)) return false;
        if (seconds > 253_402_300_799m) return false;
        time = DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
        return true;
    }
}
