using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// A stamp written after a line's traffic rather than before it, as some tools and scripts append it: after spaces or a
/// tab, in parentheses, brackets, angle brackets or braces (<c>AT+CSQ    (14:00:00.100)</c>, <c>+CSQ: 18,99   [14:00:00.180]</c>,
/// <c>&lt;14:00:00.400&gt;</c>), after <c>@</c> (<c>OK&#9;@14:00:00.200</c>) or after a comment's <c>//</c>, <c>#</c> or <c>--</c>
/// (<c>AT+MQTTOPEN=0  // 2026-11-30 14:00:00.300</c>). The stamp is a time of day with seconds, a date before it if any,
/// a zone after it if any (every stamp a logger's prefix holds, <see cref="LoggerStamp"/>); it ends the line, and it stands
/// outside quotes, so a message's own <c>"(12:00:00)"</c> is no stamp.
/// </summary>
/// <remarks>
/// A module's line may end in a bracketed time of its own; whether a log's lines carry such stamps is decided for the
/// whole log (<see cref="TrailingStampReader"/>), never line by line.
/// </remarks>
internal static partial class TrailingStamp
{
    /// <param name="DataEnd">Where the traffic before the stamp ends, spaces left out.</param>
    /// <param name="Reading">The stamp's time.</param>
    public readonly record struct Found(int DataEnd, LoggerStamp.Reading Reading);

    /// <summary>The stamp ending <paramref name="line"/>, after some traffic; null when it ends in none.</summary>
    public static Found? Find(string line)
    {
        // A cheap test first: a stamp ends in a digit, a letter (a zone, PM) or its closing bracket.
        var end = line.AsSpan().TrimEnd();
        if (end.Length < 10 || end[^1] is not (')' or ']' or '>' or '}') && !char.IsAsciiLetterOrDigit(end[^1])) return null;
        var match = Pattern().Match(line);
        if (!match.Success || match.Index == 0 || Quoted(line.AsSpan(0, match.Index))) return null;
        if (LoggerStamp.Read(match.Groups["stamp"].ValueSpan) is not { TimeOfDay: not null } reading) return null;
        return new Found(match.Index, reading);
    }

    // An odd number of double quotes before the stamp: it stands inside a quoted field.
    private static bool Quoted(ReadOnlySpan<char> before) => before.Count('"') % 2 == 1;

    // The stamp: a date (year first or last) and a time of day with its seconds, a fraction, a 12-hour clock's AM/PM and a
    // zone; in a pair of brackets, or after `@` or a comment's mark, at the end of the line after a space or a tab.
    private const string Stamp = @"(?<stamp>(?:(?:\d{4}[-/.]\d\d?[-/.]\d\d?|\d\d?[-/.]\d\d?[-/.]\d{4})[ T_])?\d\d?:\d\d:\d\d(?:[.,:]\d{1,7})?(?:\s?[AaPp][Mm])?" +
        @"(?:Z|[+-]\d\d(?::?\d\d)?|\s?(?:UTC|GMT)(?:[+-]\d\d?(?::?\d\d)?)?)?)";

    [GeneratedRegex(@"[ \t]+(?:\(" + Stamp + @"\)|\[" + Stamp + @"\]|<" + Stamp + @">|\{" + Stamp + @"\}|@[ \t]?" + Stamp + @"|(?://|#|--)[ \t]*" + Stamp + @")[ \t]*$")]
    private static partial Regex Pattern();
}
