using System.Globalization;
using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// The mark a hand-written or tool-written transcript puts before each line: an arrow (<c>=&gt; </c>/<c>&lt;= </c>,
/// a single <c>&gt; </c>/<c>&lt; </c> with or without the space,
/// <c>--&gt; </c>/<c>&lt;-- </c>, <c>-&gt; </c>/<c>&lt;- </c>, <c>&gt;&gt; </c>/<c>&lt;&lt; </c> (also <c>&gt;&gt;&gt; </c>/<c>&lt;&lt;&lt; </c>), <c>» </c>/<c>« </c>, <c>→ </c>/<c>← </c>) or a word (<c>TX:</c>/<c>RX:</c>, <c>[TX]</c>/<c>[RX]</c>,
/// <c>[SEND]</c>/<c>[RECV]</c>, <c>【发送】</c>/<c>【接收】</c>, <c>Send:</c>/<c>Recv:</c>, <c>发送:</c>/<c>接收:</c>, <c>发出:</c>/<c>收到:</c> (also right before the
/// traffic: <c>发送AT+CSQ</c>, <c>收到+CSQ: 18,99</c>), <c>W:</c>/<c>R:</c> and <c>T:</c>/<c>R:</c> (upper case), an MCU's <c>Sending:</c>/<c>Response:</c>, or bare
/// <c>SEND</c>/<c>RECV</c>, <c>Tx</c>/<c>Rx</c> before the data), optionally after a time stamp or a list bullet.
/// </summary>
/// <param name="Arrow">The arrow as written, or null for a word whose direction is fixed.</param>
/// <param name="Direction">The direction the mark usually means (the first arrow of a pair: to the module).</param>
/// <param name="DataStart">Where the line's data starts after the mark.</param>
/// <param name="TimeOfDay">The stamp's time of day, when there is one.</param>
/// <param name="Date">The stamp's date, when it has one.</param>
/// <param name="SinceStart">The stamp's time since the start (a kernel's or an RTOS's <c>[   12.345]</c>), when it is that.</param>
/// <param name="MarkStart">Where the mark starts: a single <c>&gt;</c> that proves to be no mark is part of the data from there.</param>
/// <param name="Zone">The zone the stamp names (<c>Z</c>, <c>+08:00</c>), when it names one.</param>
internal sealed partial record TranscriptTag(string? Arrow, LogDirection Direction, int DataStart, TimeSpan? TimeOfDay, DateOnly? Date, TimeSpan? SinceStart = null, int MarkStart = 0,
    TimeSpan? Zone = null)
{
    /// <summary>
    /// True for a single <c>&gt;</c> or <c>&lt;</c>: also a quote's prefix and the module's own data prompt, so it is a mark
    /// only where the log as a whole uses it as one (<see cref="ArrowMeaning"/>).
    /// </summary>
    public static bool IsSingle(string? arrow) => arrow is ">" or "<";

    /// <summary>Each arrow with the direction it usually means; a writer may use a pair the other way round.</summary>
    public static readonly IReadOnlyDictionary<string, LogDirection> Arrows = new Dictionary<string, LogDirection>
    {
        [">>>"] = LogDirection.ToModule, ["<<<"] = LogDirection.FromModule,
        ["=>"] = LogDirection.ToModule, ["<="] = LogDirection.FromModule,
        ["-->"] = LogDirection.ToModule, ["<--"] = LogDirection.FromModule,
        [">>"] = LogDirection.ToModule, ["<<"] = LogDirection.FromModule,
        ["»"] = LogDirection.ToModule, ["«"] = LogDirection.FromModule,
        ["→"] = LogDirection.ToModule, ["←"] = LogDirection.FromModule,
        ["->"] = LogDirection.ToModule, ["<-"] = LogDirection.FromModule,
        [">"] = LogDirection.ToModule, ["<"] = LogDirection.FromModule,
    };

    /// <summary>The other arrow of an arrow's pair.</summary>
    public static string Partner(string arrow) => arrow switch
    {
        ">>>" => "<<<", "<<<" => ">>>", "=>" => "<=", "<=" => "=>", "-->" => "<--", "<--" => "-->", ">>" => "<<", "<<" => ">>", "»" => "«",
        "→" => "←", "←" => "→", "->" => "<-", "<-" => "->", ">" => "<", "<" => ">", _ => "»",
    };

    public static TranscriptTag? Parse(string line)
    {
        if (remembered is null) return Read(line);
        if (!remembered.TryGetValue(line, out var tag)) remembered[line] = tag = Read(line);
        return tag;
    }

    // Detection asks each line of its sample for its mark once for every format that tells transcripts apart (and the
    // expression is most of detection's time): within Remembering(), each line's mark is read once.
    [ThreadStatic] private static Dictionary<string, TranscriptTag?>? remembered;

    /// <summary>Until disposed, each line's mark is read once on this thread (for detection's sample: a few hundred lines).</summary>
    public static IDisposable Remembering()
    {
        var outer = remembered;
        remembered ??= new(StringComparer.Ordinal);
        return new Forget(outer is null);
    }

    private sealed class Forget(bool outermost) : IDisposable
    {
        public void Dispose()
        {
            if (outermost) remembered = null;
        }
    }

    private static TranscriptTag? Read(string line)
    {
        if (!MayHoldMark(line)) return null;
        var match = Pattern().Match(line);
        if (!match.Success) return null;
        var tag = match.Groups["tag"].Value;
        var (timeOfDay, date) = When(match);
        TimeSpan? since = match.Groups["since"].Success
            ? TimeSpan.FromTicks((long)(decimal.Parse(match.Groups["since"].ValueSpan, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond)) : null;
        // An arrow before a word (an Arduino monitor's `10:11:12.345 -> Sending: AT`, its arrow on every line): the word says the direction.
        TimeSpan? zone = null;
        if (match.Groups["zone"].Success) LogZone.Read(match.Groups["zone"].ValueSpan, out zone);
        if (match.Groups["label"].Success && Arrows.ContainsKey(tag)) return new TranscriptTag(null, WordDirection(match.Groups["label"].Value), match.Length, timeOfDay, date, since, Zone: zone);
        if (Arrows.TryGetValue(tag, out var usual)) return new TranscriptTag(tag, usual, match.Length, timeOfDay, date, since, match.Groups["tag"].Index, zone);
        return new TranscriptTag(null, WordDirection(tag), match.Length, timeOfDay, date, since, Zone: zone);
    }

    /// <summary>
    /// False for a line that holds no piece any mark is made of (an arrow's head, a direction word, <c>W:</c>, <c>R:</c>, <c>T:</c>): most
    /// lines of a log without marks, which the expression would try at length to read as one.
    /// </summary>
    private static bool MayHoldMark(ReadOnlySpan<char> line)
    {
        if (line.ContainsAny(MarkCharacters) || line.ContainsAny(MarkWords)) return true;
        for (var i = line.IndexOfAny(SingleLetterMarks); i >= 0; i = line[++i..].IndexOfAny(SingleLetterMarks) is var next and >= 0 ? i + next : -1)
            if (line[(i + 1)..].TrimStart() is [':' or '：', ..]) return true;
        return false;
    }

    private static readonly System.Buffers.SearchValues<char> SingleLetterMarks = System.Buffers.SearchValues.Create("WRT");

    private static readonly System.Buffers.SearchValues<char> MarkCharacters = System.Buffers.SearchValues.Create("<>»«→←发接收返回应响命指写读");

    // The start of every word a mark is written with, in any case (TX, RX, Send, Sent, Sending, Recv, Receive, Received,
    // Command, CMD, Response, Resp, Reply, Write, Read, Got, Answer).
    private static readonly System.Buffers.SearchValues<string> MarkWords =
        System.Buffers.SearchValues.Create(["tx", "rx", "sen", "rec", "cmd", "com", "res", "rep", "wri", "rea", "got", "ans"], StringComparison.OrdinalIgnoreCase);

    private static LogDirection WordDirection(string mark) =>
        LoggerLine.WordDirection(mark.Trim().TrimStart('[', '【').TrimEnd(']', '】', ':', '：', ' ', '\t')) ?? LogDirection.FromModule;

    // The time of day and date of the stamp: written out (`10:11:12,345`, `10:11:12:345` with a colon before the
    // milliseconds), or epoch seconds (UTC).
    private static (TimeSpan?, DateOnly?) When(Match match)
    {
        if (match.Groups["epoch"].Success)
            return LogClock.TryParseEpoch(match.Groups["epoch"].ValueSpan, out var at) ? (at.UtcDateTime.TimeOfDay, DateOnly.FromDateTime(at.UtcDateTime)) : (null, null);
        if (!match.Groups["time"].Success) return (null, null);
        var written = match.Groups["time"].Value.Replace(',', '.');
        if (written.Length > 8 && written[8] == ':') written = string.Concat(written.AsSpan(0, 8), ".", written.AsSpan(9));
        TimeSpan? timeOfDay = LogClock.TryParseTime(written, out var t) ? t : null;
        DateOnly? date = match.Groups["date"].Success && DateOnly.TryParseExact(match.Groups["date"].ValueSpan, DateFormats, out var d) ? d : null;
        return (timeOfDay, date);
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy.MM.dd"];

    // (No back-reference for the date's separator: under IgnoreCase the source generator cannot compile one, and an
    // interpreted expression made detection, which asks every line of the sample, most of a small log's analysis.)
    // The stamp as LogClock.ReadDateTime reads it (with the zone after the time), or a time of day alone, in brackets or
    // parentheses (YAT's `(2024-01-02 10:11:12.345) [Tx] AT`), a colon before its milliseconds too (`10:11:12:345`); a syslog
    // stamp with its host and program (`Nov 30 08:00:00 gw modem[311]: `), as journalctl writes it too (`Nov 30 08:00:00.123456 gw modem[311]: `,
    // `2026-11-30T08:00:00.123456+0800 gw modem[311]: `); epoch seconds; time since start in brackets (`[   12.345]`); Python's `logging.basicConfig` format, no time (`DEBUG:modem:`); after a stamp, what a logger writes before its message (a thread
    // in brackets, a level, a logger's name and a dash: `[rx] DEBUG c.e.Modem - >> AT`; the level may come before the
    // brackets, after a syslog stamp too: `modemd[311]: INFO [north] > AT`). A bare word
    // (`SEND AT+CSQ`, `Rx +CSQ: 20,99`) marks a line only before data: not a module's `SEND OK`, `SEND FAIL` or ESP-AT's `Recv 5 bytes`.
    // A single `>` or `<` marks a line only before data (a `>` alone is the module's prompt), and `<` not as a tag's (`<CR>`, `<dbg>`).
    // A Chinese word needs no colon right before the traffic it marks (`发送AT+CSQ`, `收到+CSQ: 18,99`).
    // A logger's dash between the mark and the message (`2026-11-30 14:00:00.100 - SEND - AT+CSQ`) is read past.
    [GeneratedRegex(@"^\s*(?:[-*]\s+)?(?<stamp>[\[(]?(?:(?<date>\d{4}-\d\d-\d\d|\d{4}/\d\d/\d\d|\d{4}\.\d\d\.\d\d)[ T])?(?<time>\d\d:\d\d:\d\d(?:[.,:]\d{1,7})?)(?<zone>Z|[+-]\d\d:?\d\d)?[\])]?:?\s*(?:(?:[\w.-]+\s+)?[\w./-]+\[\d+\]:\s*)?" +
        @"|(?<stamp>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+\d\d?\s+(?<time>\d\d:\d\d:\d\d(?:\.\d{1,6})?)\s+(?:[\w.-]+\s+)?[\w./-]+(?:\[\d+\])?:\s*)" +
        @"|(?<epoch>1\d{9}(?:\.\d{1,9})?)\s+|\[\s*(?<since>\d{1,9}\.\d{1,9})\]\s*|(?:CRITICAL|ERROR|WARNING|INFO|DEBUG):[\w.]+:)?(?:[-*]\s+)?" +
        @"(?(stamp)(?:(?:TRACE|DEBUG|DBG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|VERBOSE)\s*:?\s+(?=\[))?(?:\[[\w .:/-]{1,40}\]\s*)?(?:(?:TRACE|DEBUG|DBG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|VERBOSE)\s*:?\s+)?(?:[\w.$:-]{1,80}\s+-\s+)?|)" +
        @"(?<tag>-->|<--|->|<-|=>|<=|>>>|<<<|>>|<<|»|«|→|←|[\[【](?:TX|RX|Send|Sent|Recv|Receive|Received|发送|发出|接收|收到|返回|回复|应答|响应|命令|指令|发|收|写|读)[\]】]|(?:TX|RX|Sending|Send|Sent|Recv|Receive|Received|Command|CMD|Response|Resp|Reply|Write|Read|Got|Answer|发送|发出|接收|收到|返回|回复|应答|响应|命令|指令|发|收|写|读)\s*[:：]|(?-i:[WT])\s*[:：](?=[ \t]?(?:AT|at|At))|(?-i:R)\s*[:：]" +
        @"|(?:TX|RX|SENT|SEND(?![ \t]+(?:OK|FAIL)\b)|RECV(?![ \t]+\d+ bytes\b))[ \t]+(?=\S)|(?:发送|发出)(?=AT)|(?:接收|收到)(?=\+|OK|ERROR)|>(?=[ \t]?\S)|<(?![\w.]{1,12}>)(?=[ \t]?\S))[ \t]?(?:-[ \t]+(?=\S))?" +
        @"(?<label>(?:TX|RX|Sending|Send|Sent|Recv|Receive|Received|Command|CMD|Response|Resp|Reply|Write|Read|Got|Answer|发送|发出|接收|收到|返回|回复|应答|响应|命令|指令|发|收|写|读)\s*[:：][ \t]*)?", RegexOptions.IgnoreCase)]
    internal static partial Regex Pattern();
}
