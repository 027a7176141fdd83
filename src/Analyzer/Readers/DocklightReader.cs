using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// Docklight's communication log: <c>12/7/2026 14:08:35.770 [RX] - +MQTTPUBACK:1,0</c>, <c>[TX]</c> for sent
/// data. Control characters appear by name (<c>&lt;CR&gt;&lt;LF&gt;</c>); data without them gets CR LF appended.
/// </summary>
/// <remarks>
/// The date and time follow the Windows locale: <c>12/7/2026</c>, <c>29.11.2026</c> (day first, as every locale
/// writing dots does), <c>2026-11-29</c>; a 12-hour time with <c>AM</c>/<c>PM</c>. For slashes, day/month or
/// month/day: the first date with a part above 12 decides for the whole log; records wait (up to
/// <see cref="DecideWithin"/>) until one does. Without such a date, month/day (US) is assumed.
/// </remarks>
internal sealed partial class DocklightReader : LogReader
{
    public const int DecideWithin = 10_000;

    public override LogFormat Format => LogFormat.Docklight;

    public override bool EndsLines => true;

    protected override bool IsOwn(string line) => Marks(line);

    /// <summary>True for a line that begins with Docklight's stamp and direction (which a transcript's marks also fit).</summary>
    public static bool Marks(string line) => Pattern().IsMatch(line);

    /// <param name="DayFirst">What the date's form says of its order (dots: day first; ISO: month first); null for slashes.</param>
    private sealed record Pending(LogLine Line, int First, int Second, int Year, TimeSpan TimeOfDay, LogDirection Direction, byte[] Data, bool? DayFirst);

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
            dayFirst ??= pending.DayFirst ?? (pending.First > 12 ? true : pending.Second > 12 ? false : null);
            if (dayFirst is null && waiting.Count < DecideWithin) { waiting.Add(pending); continue; }
            foreach (var earlier in waiting) yield return Emit(earlier, dayFirst ?? false);
            waiting.Clear();
            yield return Emit(pending, dayFirst ?? false);
        }
        foreach (var earlier in waiting) yield return Emit(earlier, dayFirst ?? false);
    }

    private Pending? Parse(LogLine line, Pending? last)
    {
        var text = line.Text;
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            // An unstamped line continues the last record's data, as shown.
            if (last is null || line.Content.IsEmpty) return null;
            return last with { Line = line, Data = DataOf(line, text) };
        }
        if (TimeOf(match) is not { } timeOfDay) return null;
        var direction = match.Groups["dir"].Value == "TX" ? LogDirection.ToModule : LogDirection.FromModule;
        var iso = match.Groups["month"].Success;
        var (first, second) = iso ? (match.Groups["month"], match.Groups["day"]) : (match.Groups["a"], match.Groups["b"]);
        bool? dayFirst = iso ? false : match.Groups["sep"].ValueSpan is "." ? true : null;
        return new Pending(line, int.Parse(first.ValueSpan), int.Parse(second.ValueSpan), int.Parse(match.Groups["year"].ValueSpan), timeOfDay,
            direction, DataOf(line, text[match.Length..]), dayFirst);
    }

    /// <summary>The time of day, from 24 hours or from 12 with AM/PM; null when it is no time.</summary>
    private static TimeSpan? TimeOf(Match match)
    {
        var written = match.Groups["time"].Value.Replace(',', '.');
        if (!LogClock.TryParseTime(written.IndexOf(':') == 1 ? "0" + written : written, out var time)) return null;
        var half = match.Groups["half"].Value.ToUpperInvariant();
        return half.Length == 0 ? time : LogClock.TwelveHour(time, pm: half == "PM");
    }

    // Docklight shows the port's line ends (`<CR><LF>`) once set to: from the first one on, a packet without one is part of a
    // line, the rest of it in the next packet; before, each packet is a line of its own.
    private bool showsLineEnds;

    private byte[] DataOf(LogLine line, string text)
    {
        var decoded = ControlNames.Decode(text, out var sawLineEnd);
        showsLineEnds |= sawLineEnd;
        return line.Encode(showsLineEnds ? decoded : decoded + "\r\n");
    }

    private static LogRecord Emit(Pending p, bool dayFirst)
    {
        var (day, month) = dayFirst ? (p.First, p.Second) : (p.Second, p.First);
        DateTimeOffset? time = p.Year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(p.Year, month)
            ? new DateTimeOffset(p.Year, month, day, 0, 0, 0, TimeSpan.Zero) + p.TimeOfDay
            : null;
        return Record(p.Line, time, p.Direction, p.Data);
    }

    [GeneratedRegex(@"^(?:(?<a>\d{1,2})(?<sep>[/.-])(?<b>\d{1,2})\k<sep>(?<year>\d{4})|(?<year>\d{4})-(?<month>\d\d)-(?<day>\d\d)) " +
        @"(?<time>\d{1,2}:\d\d:\d\d(?:[.,]\d+)?)(?: ?(?<half>[AaPp][Mm]))? \[(?<dir>RX|TX)\] - ")]
    private static partial Regex Pattern();
}
