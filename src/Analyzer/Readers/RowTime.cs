using System.Globalization;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// The time of a row of a structured log written as a logger's stamp, for <see cref="LoggerStamp"/> to read: a date and a
/// time kept in columns of their own (<c>Date,Time</c>, <c>日期,时间</c>) as one stamp (<c>2026-11-30 10:11:12.345</c>,
/// the date written as the locale writes it: <c>2026/11/30</c>, <c>30.11.2026</c>, <c>11/30/2026</c>, <c>2026年11月30日</c>); epoch times in
/// whole numbers (13 digits milliseconds, 10 seconds); and a number of seconds since the capture began, as a logic
/// analyzer writes it (<c>0.125</c>, <c>1.2e-05</c>, <c>0,125</c> in a semicolon export), as seconds with a fraction.
/// </summary>
/// <param name="unit">What one of the column's numbers is, in seconds, where its name says (<c>Time [s]</c>, <c>time_ms</c>); null when it does not.</param>
/// <remarks>
/// A whole number in a column that says no unit is a counter of milliseconds (an MCU's tick), unless the column has
/// written a fraction before: then it counts seconds (<c>0.875</c>, then <c>1</c>).
/// </remarks>
internal sealed class RowTime(double? unit)
{
    private bool fractions;

    /// <summary>The unit a time column's name says (<c>Time [s]</c>, <c>Time(ms)</c>, <c>time_us</c>, <c>时间(毫秒)</c>) in seconds; null when it says none.</summary>
    public static double? UnitOf(string? written)
    {
        if (written is null) return null;
        var name = written.Trim().Trim('"').ToLowerInvariant();
        var note = name.IndexOfAny(['(', '[', '（', '【', '_', ' ']);
        if (note < 0) return null;
        return name[(note + 1)..].Trim(' ', '(', ')', '[', ']', '（', '）', '【', '】') switch
        {
            "s" or "sec" or "secs" or "second" or "seconds" or "秒" => 1,
            "ms" or "msec" or "millis" or "milliseconds" or "毫秒" => 1e-3,
            "us" or "µs" or "μs" or "usec" or "microseconds" or "微秒" => 1e-6,
            "ns" or "nsec" or "nanoseconds" or "纳秒" => 1e-9,
            _ => null,
        };
    }

    /// <summary>The stamp of a row whose date (if kept apart) and time are these; null when it has neither.</summary>
    public string? Stamp(string? date, string? time)
    {
        time = time?.Trim();
        date = date?.Trim();
        if (string.IsNullOrEmpty(time)) return string.IsNullOrEmpty(date) ? null : date;
        time = Number(time) ?? time;
        return Written(date) is { } day && IsTimeOfDay(time) ? $"{day} {time}" : time;
    }

    // A date as the stamp reads it: its digits parted by `-`, `/` or `.`; a Chinese locale's `2026年11月30日` as `2026-11-30`.
    private static string? Written(string? date)
    {
        if (string.IsNullOrEmpty(date) || !date.Any(char.IsAsciiDigit)) return null;
        if (date.Contains('年')) date = date.Replace('年', '-').Replace('月', '-').TrimEnd('日').Trim();
        return date.AsSpan().IndexOfAny("-/.") > 0 ? date : null;
    }

    // A time of day alone: hours before its first colon, no date (`10:11:12.345`, `下午 1:00:01`; not `2026-11-30 10:11`).
    private static bool IsTimeOfDay(string time)
    {
        var colon = time.IndexOf(':');
        if (colon <= 0) return false;
        var hours = time.AsSpan(0, colon).TrimStart("上下午 ");
        return hours.Length is 1 or 2 && char.IsAsciiDigit(hours[0]) && char.IsAsciiDigit(hours[^1]);
    }

    // A number as the stamp a logger writes of it; null for a time that is no number.
    private string? Number(string time)
    {
        if (time.All(char.IsAsciiDigit))
        {
            // An epoch time, as a field named for the time means it.
            if (unit is null && time.Length == 13) return $"{time[..10]}.{time[10..]}";
            if (unit is null && time.Length == 10) return $"{time}.000";
            if (unit is null && !fractions) return time;
        }
        if (time.Length >= 12 && time.IndexOf('.') == 10) return null;   // epoch seconds with their fraction: as written
        var written = time.Contains(',') && !time.Contains('.') ? time.Replace(',', '.') : time;
        if (!double.TryParse(written, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)) return null;
        if (!time.All(char.IsAsciiDigit)) fractions = true;
        var seconds = value * (unit ?? 1);
        return seconds < 1e9 ? seconds.ToString("0.000######", CultureInfo.InvariantCulture) : null;
    }
}
