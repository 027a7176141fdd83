using System.Globalization;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// Turns time-of-day stamps into times: a stamp more than 12 hours earlier than the one before means the
/// log crossed midnight (23:59:59.9 then 00:00:00.1 is the next day).
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
    private int days;

    public LogClock() : this(BaseDate) { }

    public DateTimeOffset At(TimeSpan timeOfDay)
    {
        if (previous is { } before && timeOfDay < before - HalfDay) days++;
        previous = timeOfDay;
        return new DateTimeOffset(date.AddDays(days).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + timeOfDay;
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
