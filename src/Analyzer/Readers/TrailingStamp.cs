using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// A stamp written after a line's traffic rather than before it, as some tools and scripts append it: after spaces or a
/// tab, in parentheses, brackets, angle brackets or braces (<c>AT+CSQ    (14:00:00.100)</c>, <c>+CSQ: 18,99   [14:00:00.180]</c>,
/// <c>&lt;14:00:00.400&gt;</c>), after <c>@</c> (<c>OK&#9;@14:00:00.200</c>) or after a comment's <c>//</c>, <c>#</c> or <c>--</c>
/// (<c>AT+MQTTOPEN=0  // 2026-11-30 14:00:00.300</c>). The stamp is a time of day with seconds, a date before it if any,
/// a zone after it if any (every stamp a logger's prefix holds, <see cref="LoggerStamp"/>), or Unix epoch seconds, a
/// fraction after them if any, or epoch milliseconds (<c>AT+CSQ  [1764597600.123]</c>, <c>OK @1764597600123</c>: an
/// instant in UTC); it ends the line, and it stands outside quotes, so a message's own <c>"(12:00:00)"</c> is no stamp.
/// </summary>
/// <remarks>
/// A module's line may end in a bracketed time of its own; whether a log's lines carry such stamps is decided for the
/// whole log (<see cref="TrailingStampReader"/>), never line by line, and so is which kind they are (<see cref="Found.Agrees"/>).
/// </remarks>
internal static partial class TrailingStamp
{
    /// <summary>What a stamp writes: a time of day (a date and a zone too, if any), epoch seconds, epoch milliseconds.</summary>
    public enum Kind { Clock, EpochSeconds, EpochMilliseconds }

    /// <param name="DataEnd">Where the traffic before the stamp ends, spaces left out.</param>
    /// <param name="Reading">The stamp's time.</param>
    /// <param name="Written">What the stamp writes.</param>
    /// <param name="Opening">What stands before it: its opening bracket, <c>@</c>, or the comment's first character.</param>
    public readonly record struct Found(int DataEnd, LoggerStamp.Reading Reading, Kind Written, char Opening)
    {
        /// <summary>
        /// True when this stamp is of the kind the log's first stamp, <paramref name="first"/>, set: the same clock, and for
        /// a number the same bracket or separator around it. A log stamped by a clock takes no number for a stamp (an
        /// id, <c>+MQTTPUBLISH: …,msg [1764597600]</c>), nor one stamped in seconds a number of milliseconds.
        /// </summary>
        public bool Agrees(Found first) => Written == first.Written && (Written == Kind.Clock || Opening == first.Opening);
    }

    /// <summary>The stamp ending <paramref name="line"/>, after some traffic; null when it ends in none.</summary>
    public static Found? Find(string line)
    {
        // A cheap test first: a stamp ends in a digit, a letter (a zone, PM) or its closing bracket.
        var end = line.AsSpan().TrimEnd();
        if (end.Length < 10 || end[^1] is not (')' or ']' or '>' or '}') && !char.IsAsciiLetterOrDigit(end[^1])) return null;
        var match = Pattern().Match(line);
        if (!match.Success || match.Index == 0 || Quoted(line.AsSpan(0, match.Index))) return null;
        var opening = match.ValueSpan.TrimStart(" \t")[0];
        if (match.Groups["epoch"] is { Success: true } epoch)
            return Epoch(epoch.ValueSpan) is var (reading, kind) ? new Found(match.Index, reading, kind, opening) : null;
        if (LoggerStamp.Read(match.Groups["stamp"].ValueSpan) is not { TimeOfDay: not null } clock) return null;
        return new Found(match.Index, clock, Kind.Clock, opening);
    }

    // `1764597600`, `1764597600.123` (seconds, a fraction of up to nine digits), `1764597600123` (milliseconds): an instant in UTC.
    private static (LoggerStamp.Reading, Kind)? Epoch(ReadOnlySpan<char> digits)
    {
        if (digits.IndexOf('.') < 0 && digits.Length == 13)
            return long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms)
                ? (new LoggerStamp.Reading(null, null, DateTimeOffset.FromUnixTimeMilliseconds(ms), null), Kind.EpochMilliseconds) : null;
        return LogClock.TryParseEpoch(digits, out var time) ? (new LoggerStamp.Reading(null, null, time, null), Kind.EpochSeconds) : null;
    }

    // An odd number of double quotes before the stamp: it stands inside a quoted field.
    private static bool Quoted(ReadOnlySpan<char> before) => before.Count('"') % 2 == 1;

    // The stamp: a date (year first or last) and a time of day with its seconds, a fraction, a 12-hour clock's AM/PM and a
    // zone; or epoch seconds (ten digits, not starting with 0) with a fraction if any, or epoch milliseconds (thirteen); in
    // a pair of brackets, or after `@` or a comment's mark, at the end of the line after a space or a tab.
    private const string Stamp = @"(?:(?<epoch>[1-9]\d{9}(?:\.\d{1,9})?|[1-9]\d{12})|(?<stamp>(?:(?:\d{4}[-/.]\d\d?[-/.]\d\d?|\d\d?[-/.]\d\d?[-/.]\d{4})[ T_])?\d\d?:\d\d:\d\d(?:[.,:]\d{1,7})?(?:\s?[AaPp][Mm])?" +
        @"(?:Z|[+-]\d\d(?::?\d\d)?|\s?(?:UTC|GMT)(?:[+-]\d\d?(?::?\d\d)?)?)?))";

    [GeneratedRegex(@"[ \t]+(?:\(" + Stamp + @"\)|\[" + Stamp + @"\]|<" + Stamp + @">|\{" + Stamp + @"\}|@[ \t]?" + Stamp + @"|(?://|#|--)[ \t]*" + Stamp + @")[ \t]*$")]
    private static partial Regex Pattern();
}
