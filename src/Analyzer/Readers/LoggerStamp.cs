using System.Globalization;
using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// The time in a logger's prefix, wherever it stands in it: a date and time or a time of day
/// (<c>2026-11-30 10:11:12.100</c>, <c>10:11:12,100</c>, the year last, a 12-hour clock: <c>11/30/2026 2:05:11 PM</c>, syslog's and
/// <c>ts</c>'s month and day: <c>Dec 01 10:20:01</c>), epoch seconds with a fraction, or a counter since the start
/// in brackets, in parentheses or alone (<c>[0000012345]</c>, <c>I (12345)</c>, <c>tick 12345:</c>, <c>12345ms</c>):
/// whole milliseconds, as an MCU's tick or <c>millis()</c> counts, or seconds with a fraction (<c>[  12.345]</c>).
/// </summary>
internal static partial class LoggerStamp
{
    /// <param name="TimeOfDay">A time of day, when the prefix holds one.</param>
    /// <param name="Date">Its date, when written.</param>
    /// <param name="Epoch">An absolute time in epoch seconds.</param>
    /// <param name="SinceStart">A counter's time since the start.</param>
    /// <param name="Zone">The zone written after the time of day (<c>Z</c>, <c>+08:00</c>, <c>UTC+8</c>), if any.</param>
    public readonly record struct Reading(TimeSpan? TimeOfDay, DateOnly? Date, DateTimeOffset? Epoch, TimeSpan? SinceStart, TimeSpan? Zone = null)
    {
        /// <summary>The wall-clock time read, on the log's <paramref name="clock"/>; null for a counter.</summary>
        public DateTimeOffset? On(LogClock clock) =>
            Epoch ?? (TimeOfDay is not { } timeOfDay ? null : Date is { } date ? clock.Dated(date, timeOfDay, Zone) : clock.At(timeOfDay, Zone));
    }

    /// <summary>The time in <paramref name="prefix"/>; null when it holds none.</summary>
    public static Reading? Read(ReadOnlySpan<char> prefix)
    {
        foreach (var match in Pattern().EnumerateMatches(prefix))
        {
            var text = prefix.Slice(match.Index, match.Length);
            if (text.Contains(':'))
            {
                // syslog's and `ts`'s month and day (`Dec 01 10:20:01`): no year, so the time of day is what counts.
                text = text[MonthDay(text)..];
                // The zone after the time (`+08:00`, `Z`, ` UTC+8`): its own part, after any 12-hour clock's `PM`.
                TimeSpan? zone = null;
                if (ZoneStart(text) is var zoneStart and >= 0)
                {
                    zone = LogZone.Parse(text[zoneStart..]);
                    text = text[..zoneStart];
                }
                var space = text.IndexOfAny(' ', 'T', '_');
                var dated = space > 0 && text[..space].IndexOfAny('-', '/', '.') > 0;
                var date = dated ? text[..space] : [];
                var time = (dated ? text[(space + 1)..] : text).Trim();
                // A 12-hour clock: `2:05:11 PM` as a US locale writes it, `下午 2:05:11` as a Chinese one does.
                bool? pm = null;
                if (time.Length > 2 && time[^1] is 'M' or 'm' && time[^2] is 'A' or 'a' or 'P' or 'p')
                {
                    pm = time[^2] is 'P' or 'p';
                    time = time[..^2].TrimEnd();
                }
                else if (time.StartsWith("上午") || time.StartsWith("下午"))
                {
                    pm = time[0] == '下';
                    time = time[2..].TrimStart();
                }
                if (!LogClock.TryParseTime(LogClock.Padded(time), out var timeOfDay)) continue;
                if (pm is { } afternoon)
                {
                    if (LogClock.TwelveHour(timeOfDay, afternoon) is not { } twelveHour) continue;
                    timeOfDay = twelveHour;
                }
                return new Reading(timeOfDay, date.IsEmpty ? null : LogClock.WrittenDate(date), null, null, zone);
            }
            if (text.Length >= 12 && text[0] == '1' && text.IndexOf('.') == 10 && LogClock.TryParseEpoch(text, out var epoch))
                return new Reading(null, null, epoch, null);
            if (text.Contains('.'))
                return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
                    ? new Reading(null, null, null, TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond))) : null;
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? new Reading(null, null, null, TimeSpan.FromMilliseconds(ms)) : null;
        }
        return null;
    }

    // The length of a month's name and its day before a time of day (`Dec 01 `, `Nov  3 `); 0 when there are none.
    private static int MonthDay(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !char.IsAsciiLetter(text[0])) return 0;
        var at = 3;
        while (at < text.Length && text[at] == ' ') at++;
        while (at < text.Length && char.IsAsciiDigit(text[at])) at++;
        while (at < text.Length && text[at] == ' ') at++;
        return at;
    }

    // Where the zone the pattern read after a time starts: after the seconds (and their fraction, and a 12-hour clock's
    // `AM`/`PM`), at a `Z`, a sign, or a space before `UTC`/`GMT`; -1 when none.
    private static int ZoneStart(ReadOnlySpan<char> time)
    {
        var named = time.IndexOf("UTC", StringComparison.OrdinalIgnoreCase) is var utc and >= 0 ? utc : time.IndexOf("GMT", StringComparison.OrdinalIgnoreCase);
        if (named >= 0) return named;
        if (time[^1] == 'Z') return time.Length - 1;
        // A sign after the time's first colon (a date's dashes stand before it).
        return time.LastIndexOfAny('+', '-') is var sign && sign > time.IndexOf(':') ? sign : -1;
    }

    // A date and time, a time of day, epoch seconds with a fraction, or a counter: in brackets or parentheses after a
    // space or at the start, or alone after a space or at the start and before a colon, a space, `ms` or the end (not
    // a pid after a name, `modem[311]`, nor a digit of a word, `modem2`).
    [GeneratedRegex(@"(?:(?:\d{4}[-/.]\d\d?[-/.]\d\d?|\d\d?[-/.]\d\d?[-/.]\d{4})[ T_]|(?<![A-Za-z])(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d\d? +)?(?:[上下]午\s?)?\d\d?:\d\d:\d\d(?:[.,:]\d{1,7})?(?:\s?[AaPp][Mm](?![A-Za-z]))?(?:Z(?![A-Za-z])|[+-]\d\d(?::?\d\d)?(?!\d)|\s?(?:UTC|GMT)(?:[+-]\d\d?(?::?\d\d)?)?(?![A-Za-z\d]))?" +
        @"|(?<=(?:^|\s)[\[(]?\s*)\d{1,10}(?:\.\d{1,9})?(?=\s*[\])]|ms\b|:|\s|$)")]
    private static partial Regex Pattern();
}
