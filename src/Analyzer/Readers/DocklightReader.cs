using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// Docklight's communication log: <c>12/7/2026 14:08:35.770 [RX] - +MQTTPUBACK:1,0</c>, <c>[TX]</c> for sent
/// data. Control characters appear by name (<c>&lt;CR&gt;&lt;LF&gt;</c>); data without them gets CR LF appended.
/// </summary>
/// <remarks>
/// The date follows the Windows locale, day/month or month/day. The first date with a part above 12 decides
/// for the whole log; records wait (up to <see cref="DecideWithin"/>) until one does. Without such a date,
/// month/day (US) is assumed.
/// </remarks>
internal sealed partial class DocklightReader : LogReader
{
    public const int DecideWithin = 10_000;

    public override LogFormat Format => LogFormat.Docklight;

    protected override bool IsOwn(string line) => Pattern().IsMatch(line);

    private sealed record Pending(LogLine Line, int First, int Second, int Year, TimeSpan TimeOfDay, LogDirection Direction, byte[] Data);

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        bool? dayFirst = null;
        var waiting = new List<Pending>();
        Pending? last = null;
        foreach (var line in lines)
        {
            var pending = Parse(line, last);
            if (pending is null) continue;
            last = pending;
            dayFirst ??= pending.First > 12 ? true : pending.Second > 12 ? false : null;
            if (dayFirst is null && waiting.Count < DecideWithin) { waiting.Add(pending); continue; }
            foreach (var earlier in waiting) yield return Emit(earlier, dayFirst ?? false);
            waiting.Clear();
            yield return Emit(pending, dayFirst ?? false);
        }
        foreach (var earlier in waiting) yield return Emit(earlier, dayFirst ?? false);
    }

    private static Pending? Parse(LogLine line, Pending? last)
    {
        var text = line.Text;
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            // An unstamped line continues the last record's data, as shown.
            if (last is null || line.Content.IsEmpty) return null;
            return last with { Line = line, Data = DataOf(line, text) };
        }
        if (!LogClock.TryParseTime(match.Groups["time"].ValueSpan, out var timeOfDay)) return null;
        var direction = match.Groups["dir"].Value == "TX" ? LogDirection.ToModule : LogDirection.FromModule;
        return new Pending(line, int.Parse(match.Groups["a"].ValueSpan), int.Parse(match.Groups["b"].ValueSpan),
            int.Parse(match.Groups["year"].ValueSpan), timeOfDay, direction, DataOf(line, text[match.Length..]));
    }

    private static byte[] DataOf(LogLine line, string text)
    {
        var decoded = ControlNames.Decode(text, out var sawLineEnd);
        return line.Encode(sawLineEnd ? decoded : decoded + "\r\n");
    }

    private static LogRecord Emit(Pending p, bool dayFirst)
    {
        var (day, month) = dayFirst ? (p.First, p.Second) : (p.Second, p.First);
        DateTimeOffset? time = p.Year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(p.Year, month)
            ? new DateTimeOffset(p.Year, month, day, 0, 0, 0, TimeSpan.Zero) + p.TimeOfDay
            : null;
        return Record(p.Line, time, p.Direction, p.Data);
    }

    [GeneratedRegex(@"^(?<a>\d{1,2})/(?<b>\d{1,2})/(?<year>\d{4}) (?<time>\d\d:\d\d:\d\d(?:\.\d+)?) \[(?<dir>RX|TX)\] - ")]
    private static partial Regex Pattern();
}
