using System.Globalization;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// Turns time-of-day stamps into times: a stamp more than 12 hours earlier than the one before means the
/// log crossed midnight (23:59:59.9 then 00:00:00.1 is the next day). A log that mixes dated stamps with times of
/// day (a script's logger and a terminal's stamps in one file) gives each time of day the date of the stamp before it.
/// </summary>
/// <remarks>
/// Logs stamp local wall-clock time without a zone; times are given with offset zero. When the log names no
/// date, days count from <see cref="BaseDate"/>, an arbitrary date that only keeps times ordered.
/// </remarks>
internal sealed class LogClock(DateOnly date)
{
    /// <summary>The date of the first day of a log whose format gives time of day only.</summary>
    public static readonly DateOnly BaseDate = new(2000, 1, 1);

    private static readonly string[] TimeFormats = [@"hh\:mm\:ss\.FFFFFFF", @"hh\:mm\:ss"];
    private static readonly TimeSpan HalfDay = TimeSpan.FromHours(12);

    private TimeSpan? previous;
    private DateOnly day = date;

    public LogClock() : this(BaseDate) { }

    public DateTimeOffset At(TimeSpan timeOfDay)
    {
        if (previous is { } before && timeOfDay < before - HalfDay) day = day.AddDays(1);
        return Dated(day, timeOfDay);
    }

    /// <summary>A stamp with its date: the times of day after it are on that date (or the days after it).</summary>
    public DateTimeOffset Dated(DateOnly date, TimeSpan timeOfDay)
    {
        (day, previous) = (date, timeOfDay);
        return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + timeOfDay;
    }

    /// <summary>Parses <c>HH:mm:ss</c> with an optional fraction of up to seven digits.</summary>
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

    // The date of the last stamp read on this thread and its ticks (a log's lines share their date for hours).
    [ThreadStatic] private static int t_lastDate;
    [ThreadStatic] private static long t_lastDateTicks;

    /// <summary>
    /// Reads <c>yyyy-MM-dd HH:mm:ss</c> with an optional fraction of one to seven digits from the start of ASCII
    /// <paramref name="text"/>, straight from the bytes (the hot path of a stamped log: no string, no culture);
    /// returns the bytes it covers, 0 when the text does not start with such a time.
    /// </summary>
    /// <remarks>
    /// Also as other tools write it: the date with <c>/</c> or <c>.</c>, <c>T</c> before the time (ISO 8601), a comma
    /// before the fraction (Python's logging), QCOM's <c>2024-01-02_10:11:12:123</c>, a zone after it (<c>Z</c>,
    /// <c>+08:00</c>), which is read past and dropped: times are the log's wall-clock times as written.
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
        (time, real) = (default, false);
        if (text.Length < 19 || text[4] is not ((byte)'-' or (byte)'/' or (byte)'.') || text[7] != text[4] || text[10] is not ((byte)' ' or (byte)'T' or (byte)'_')
            || text[13] != ':' || text[16] != ':') return 0;
        if (!TwoDigits(text, 0, out var century) || !TwoDigits(text, 2, out var yearOfCentury) || !TwoDigits(text, 5, out var month) ||
            !TwoDigits(text, 8, out var day) || !TwoDigits(text, 11, out var hour) || !TwoDigits(text, 14, out var minute) ||
            !TwoDigits(text, 17, out var second)) return 0;
        var year = century * 100 + yearOfCentury;
        if (year == 0 && month == 0 && day == 0) (year, month, day) = (BaseDate.Year, BaseDate.Month, BaseDate.Day);
        real = year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59;
        var length = 19;
        long ticks = 0;
        if (text.Length > 19 && text[19] is (byte)'.' or (byte)',' or (byte)':')
        {
            var digits = 0;
            while (20 + digits < text.Length && char.IsAsciiDigit((char)text[20 + digits])) digits++;
            if (digits > 7) return 0;
            // A dot without digits is not part of the time.
            if (digits > 0)
            {
                for (var i = 0; i < 7; i++) ticks = ticks * 10 + (i < digits ? text[20 + i] - '0' : 0);
                length = 20 + digits;
            }
        }
        length += Zone(text[length..]);
        if (!real) return length;
        // The date's ticks are worked out once per date; the time of day is added.
        var date = (year * 100 + month) * 100 + day;
        if (date != t_lastDate) (t_lastDate, t_lastDateTicks) = (date, new DateTime(year, month, day).Ticks);
        time = new DateTimeOffset(t_lastDateTicks + ((hour * 60L + minute) * 60 + second) * TimeSpan.TicksPerSecond + ticks, TimeSpan.Zero);
        return length;
    }

    /// <summary>The length of a zone after a time: <c>Z</c>, <c>+08:00</c>, <c>-0500</c>; 0 when none.</summary>
    private static int Zone(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty) return 0;
        if (text[0] == 'Z') return 1;
        if (text[0] is not ((byte)'+' or (byte)'-') || text.Length < 5 || !TwoDigits(text, 1, out _)) return 0;
        if (text[3] == ':') return text.Length >= 6 && TwoDigits(text, 4, out _) ? 6 : 0;
        return TwoDigits(text, 3, out _) ? 5 : 0;
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
