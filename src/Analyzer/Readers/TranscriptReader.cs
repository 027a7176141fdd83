using System.Text;
using Conformance.Protocol.Tracing;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// Transcripts written by people and by small tools: each line marked with its direction (<see cref="TranscriptTag"/>),
/// in notes, tickets and markdown. Markdown fences, headings and rules, <c>//</c>, <c>#</c> and <c>/* … */</c>
/// comments are left out as text; an unmarked line goes by its text (<see cref="DirectionGuess"/>); an answer
/// collapsed onto one line is split into the module's lines (<see cref="CollapsedAnswer"/>), and so is a command written
/// with its answer on one line (<see cref="CollapsedExchange"/>).
/// </summary>
/// <remarks>
/// The meaning of the arrows is learned from the first <see cref="LearnWithin"/> lines before any is given out
/// (<see cref="ArrowMeaning"/>).
/// </remarks>
internal sealed class TranscriptReader : LogReader
{
    public const int LearnWithin = 1000;

    private readonly ArrowMeaning arrows = new();
    private readonly DirectionGuess guess = new();
    private readonly LogClock clock = new();
    private bool inBlockComment;
    private DateTimeOffset? time;
    private TimeSpan? since;

    public override LogFormat Format => LogFormat.Transcript;

    public override bool EndsLines => true;

    // Whether the sample uses the single marks `>` and `<` as direction marks (else they are a quote's or the prompt).
    private bool singleMarks;

    // Whether the marked lines carry their stamp after the traffic (`TX: AT+CSQ    (14:00:00.100)`): decided for the log by
    // its first marked line without a stamp before its mark, so a module's answer that ends in a bracketed time of its own
    // keeps it in a log whose lines carry none.
    private bool? stampsTrail;
    private TrailingStamp.Found? firstTrailing;   // that line's stamp: a later stamp of another kind is the line's text
    private readonly EpochContinuity continuity = new();   // a number that does not continue the log's epoch clock is the line's text

    // Whether someone annotated the traffic (`AT+MQTTOPEN=…   <-- stuck here`) or wrote a command and its answer on one
    // line (`AT+CSQ -> +CSQ: 18,99 OK`): then it is their notes, unmarked lines too.
    private bool annotated;

    // In a journal, the programs that log the port (a marked line, or AT traffic): the lines of the others
    // (`systemd[1]: Started …`, `kernel: usb 1-1: …`) are the machine's, left out as the journal format leaves them.
    private readonly HashSet<string> portPrograms = [];

    // Whether the module's last line was its data prompt `>`: what the host writes after it is data, whatever its words.
    private bool afterPrompt;

    /// <summary>Comments and markdown are the writer's own and prove nothing either way: they are left out of the score.</summary>
    public override double Score(IReadOnlyList<string> sample)
    {
        var lines = sample.Where(line => line.TrimStart() is var trimmed && !IsText(trimmed) && !trimmed.StartsWith("/*", StringComparison.Ordinal)).ToList();
        var meaning = new ArrowMeaning();
        foreach (var line in lines)
            if (Mark(line) is { Arrow: { } arrow } tag && TranscriptTag.IsSingle(arrow)) meaning.Learn(arrow, line[tag.DataStart..].Trim());
        singleMarks = meaning.SingleMarksMeanDirections;
        annotated = lines.Any(line => line.Trim() is var trimmed && IsTraffic(trimmed) &&
            (WithoutComment(trimmed).Length < trimmed.Length || CollapsedExchange.Split(trimmed) is not null));
        return base.Score(lines);
    }

    // The project's own trace marks its lines `> ` and `< ` after a stamp too: those lines are the trace's.
    protected override LineEvidence Classify(string line) =>
        DocklightReader.Marks(line) || TraceFormat.TryParse(line, out var traced, out _) && traced is not null ? LineEvidence.Foreign
        : Mark(line) is { } tag && (singleMarks || !TranscriptTag.IsSingle(tag.Arrow)) ? LineEvidence.Match
        : annotated && IsTraffic(line.Trim()) ? LineEvidence.Match
        : IsText(line.Trim()) ? LineEvidence.Neutral
        : LooksStamped(line) ? LineEvidence.Foreign : LineEvidence.Neutral;

    /// <summary>A line as read, before the arrows' meaning is known; <paramref name="Marked"/> is the data with its single mark, should that prove none.</summary>
    private sealed record Entry(LogLine Source, string? Arrow, LogDirection Direction, string Data, DateTimeOffset? Time, TimeSpan? SinceStart, string Marked)
    {
        /// <summary>The program that logged the line, in a journal (<c>gw modem[311]: TX: AT</c>); null elsewhere.</summary>
        public string? Program { get; init; }
    }

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        List<Entry>? learning = [];
        Entry? wrapped = null;   // a hex publish whose line the writer's editor or mail wrapped: its rest is on the lines after it
        foreach (var line in lines)
        {
            if (Parse(line) is not { } parsed) continue;
            if (wrapped is not null && Continues(wrapped, parsed))
            {
                wrapped = wrapped with { Data = wrapped.Data + parsed.Data };
                if (MissesHex(wrapped)) continue;
                (parsed, wrapped) = (wrapped, null);
            }
            else if (wrapped is not null)
            {
                foreach (var record in Take(wrapped)) yield return record;
                wrapped = null;
            }
            // (A stamped line cut over two reads is the terminal's, rejoined and noted as such: SplitLines.)
            if (parsed.Time is null && parsed.SinceStart is null && MissesHex(parsed))
            {
                wrapped = parsed with { Source = line.Kept() };
                continue;
            }
            foreach (var record in Take(parsed)) yield return record;
        }
        if (wrapped is not null) foreach (var record in Take(wrapped)) yield return record;
        foreach (var record in (learning ?? []).SelectMany(Emit)) yield return record;

        // The records of an entry: none while the arrows' meaning is being learned, then the held ones and it.
        IEnumerable<LogRecord> Take(Entry entry)
        {
            if (entry.Program is { } program && JournalReader.LooksLikeTraffic(entry.Data)) portPrograms.Add(program);
            if (learning is { Count: < LearnWithin })
            {
                arrows.Note(entry.Arrow, entry.Data);
                learning.Add(entry with { Source = entry.Source.Kept() });
                // Outside a journal (whose programs are learned too), the lines go out once the arrows are decided.
                if (entry.Program is not null || !arrows.Decided) return [];
                var ready = learning;
                learning = null;
                return ready.SelectMany(Emit);
            }
            if (learning is null) return Emit(entry);
            var held = learning;
            learning = null;
            return held.Append(entry).SelectMany(Emit);
        }
    }

    // A hex publish short of its message_len.
    private static bool MissesHex(Entry entry) =>
        entry.Data.StartsWith("AT+MQTTPUB=", StringComparison.OrdinalIgnoreCase) && HexPublish.Missing(Encoding.UTF8.GetBytes(entry.Data)) > 0;

    // A wrapped line's rest: hex digits alone (the closing quote too), unmarked or under the same mark.
    private static bool Continues(Entry wrapped, Entry next) =>
        (next.Arrow is null && next.Direction == LogDirection.Unknown || next.Arrow == wrapped.Arrow && next.Direction == wrapped.Direction)
        && next.Program == wrapped.Program && next.Data.Length > 0
        && next.Data.AsSpan().TrimEnd('"').IndexOfAnyExcept(HexDigits) < 0;

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    private Entry? Parse(LogLine line)
    {
        var text = line.Text;
        var trimmed = text.Trim();
        if (inBlockComment)
        {
            inBlockComment = !trimmed.Contains("*/", StringComparison.Ordinal);
            return null;
        }
        if (trimmed.StartsWith("/*", StringComparison.Ordinal))
        {
            inBlockComment = !trimmed.AsSpan(2).Contains("*/", StringComparison.Ordinal);
            return null;
        }
        if (trimmed.Length == 0 || IsText(trimmed)) return null;
        var journal = Journal(line);
        var tag = TranscriptTag.Parse(text) ?? (journal is { } inJournal ? MarkInMessage(text, inJournal.MessageAt) : null);
        // The stamp before the mark, or else the journal's (a message unmarked, a stamp the mark's pattern does not read).
        if (tag?.TimeOfDay is { } timeOfDay)
            time = tag.Date is { } date ? clock.Dated(date, timeOfDay, tag.Zone) : clock.At(timeOfDay, tag.Zone);
        else if (journal?.Parts is { } parts)
        {
            if (parts.Dated is { } dated) time = clock.Dated(dated, parts.Zone);
            else if (parts.TimeOfDay is { } journalTime) time = clock.At(journalTime);
        }
        if (tag?.SinceStart is { } elapsed) since = elapsed;
        else if (journal?.Parts.SinceBoot is { } sinceBoot) since = sinceBoot;
        // The stamp after the traffic, where the log's lines carry it there: the line's time, no part of its data.
        if (tag is { TimeOfDay: null, SinceStart: null } && journal is null && stampsTrail != false)
        {
            var trailing = TrailingStamp.Find(text) is { } found && found.DataEnd > tag.DataStart ? found : (TrailingStamp.Found?)null;
            stampsTrail ??= trailing is not null;
            firstTrailing ??= trailing;
            if (stampsTrail == true && trailing is { } stamp && stamp.Agrees(firstTrailing!.Value) && stamp.Reading.On(clock) is { } trailingTime
                && continuity.Takes(stamp, trailingTime))
            {
                time = trailingTime;
                text = text[..trailing.Value.DataEnd];
            }
        }
        // A journal's unmarked line: its message is the data.
        var data = PastedSpaces.Plain(NameColon(WithoutComment(tag is not null ? text[tag.DataStart..].Trim() : journal is { } own ? text[own.MessageAt..].Trim() : trimmed)));
        if (data.Length == 0) return null;
        var marked = TranscriptTag.IsSingle(tag?.Arrow) ? PastedSpaces.Plain(NameColon(WithoutComment(text[tag!.MarkStart..].Trim()))) : data;
        return new Entry(line, tag?.Arrow, tag?.Direction ?? LogDirection.Unknown, data, time, since, marked) { Program = journal?.Program };
    }

    // A line's mark, also after a journal's stamp and program that the mark's pattern does not read.
    private static TranscriptTag? Mark(string line) =>
        TranscriptTag.Parse(line) ?? (JournalReader.MessageOf(line) is { } message ? MarkInMessage(line, line.Length - message.Length) : null);

    // A mark at the start of a journal's message, after a stamp the mark's own pattern does not read (journalctl's
    // `-o short-full`, `-o short-unix`: `1764460800.123456 gw modem[311]: TX: AT`).
    private static TranscriptTag? MarkInMessage(string text, int messageAt) =>
        TranscriptTag.Parse(text[messageAt..]) is { } tag ? tag with { DataStart = tag.DataStart + messageAt, MarkStart = tag.MarkStart + messageAt } : null;

    /// <summary>A journal's line (<c>Nov 30 08:00:00 gw modem[311]: …</c>): its prefix, the program, where the message starts in the text.</summary>
    private static (JournalPrefix.Parts Parts, string Program, int MessageAt)? Journal(LogLine line)
    {
        LogClock.LastMinute none = default;
        var content = line.Content.Span;
        if (!JournalPrefix.Read(content, ref none, out var parts)) return null;
        var messageAt = line.Encoding.GetCharCount(content[..Math.Min(parts.MessageStart, content.Length)]);
        return (parts, Encoding.UTF8.GetString(content.Slice(parts.ProgramStart, parts.ProgramLength)), messageAt);
    }

    private IEnumerable<LogRecord> Emit(Entry entry)
    {
        if (entry.Program is { } program && !portPrograms.Contains(program)) return [];
        // A single `>` that is no mark in this log is the line's own text (the module's prompt and what follows it).
        if (TranscriptTag.IsSingle(entry.Arrow) && arrows.Of(entry.Arrow!) is null) entry = entry with { Arrow = null, Direction = LogDirection.Unknown, Data = entry.Marked };
        // A program's print of its buffer with C's escapes (`TX: "AT+CSQ\r\n"`) or a terminal's control names (`AT+CSQ<CR><LF>`): the bytes it stands for, line ends and all.
        var printed = PrintedData.Of(entry.Data);
        var byText = guess.Next(printed is null ? Encoding.UTF8.GetBytes(entry.Data) : printed.AsSpan().TrimStart("\r\n"u8)); // every line, so an echo is known after a marked command
        var direction = entry.Arrow is { } arrow ? arrows.Of(arrow) ?? byText
            : entry.Direction == LogDirection.Unknown ? byText : entry.Direction;
        if (printed is not null) return [Record(entry.Source, entry.Time, direction, printed, entry.SinceStart)];
        var prompted = afterPrompt;
        afterPrompt = direction != LogDirection.ToModule && entry.Data.StartsWith('>');
        // The writer's note behind a host's mark (`--> after this the module hangs`): the host sends commands, and data only after the prompt.
        if (direction == LogDirection.ToModule && !prompted && IsProse(entry.Data)) return [];
        if (direction == LogDirection.ToModule && CollapsedExchange.Split(entry.Data) is var (command, answer)) return Exchange(entry, command, answer);
        // A collapsed answer is the module's lines on one: marked, or starting as traffic. An unmarked line of prose
        // (firmware's `app: attach check OK` between its marked lines) is one line, whatever word it ends with.
        var collapsed = direction != LogDirection.ToModule && (entry.Arrow is not null || entry.Direction != LogDirection.Unknown || IsTraffic(entry.Data));
        var parts = collapsed ? CollapsedAnswer.Split(entry.Data) : [entry.Data];
        return parts.Select(part => Record(entry.Source, entry.Time, direction, entry.Source.Encode(part + "\r\n"), entry.SinceStart));
    }

    /// <summary>
    /// A command and its answer written on one line: the host's command, then the module's lines. The log says when
    /// the command went, not when the answer came: the answer has no time, so no latency is made up from the line's.
    /// </summary>
    private IEnumerable<LogRecord> Exchange(Entry entry, string command, string answer)
    {
        guess.Next(Encoding.UTF8.GetBytes(answer)); // the module spoke last: a later AT line is no echo of the command
        yield return Record(entry.Source, entry.Time, LogDirection.ToModule, entry.Source.Encode(command + "\r\n"), entry.SinceStart);
        foreach (var part in CollapsedAnswer.Split(answer))
            yield return Record(entry.Source, null, LogDirection.FromModule, entry.Source.Encode(part + "\r\n"));
    }

    /// <summary>A line that is the writer's, not traffic: a comment, a markdown fence, heading or rule.</summary>
    private static bool IsText(string trimmed) =>
        trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith('#') ||
        trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal) ||
        (trimmed.Length >= 3 && trimmed.All(c => c is '-' or '=' or '*' or '_' or ' '));

    /// <summary>
    /// Words, not traffic: no command, response or result, and a first word of letters followed by another (<c>after this …</c>)
    /// or of another script's letters (<c>之后模块卡死</c>); not a command's piece a terminal cut (<c>EN=1,1,0</c>, <c>SQ</c>).
    /// </summary>
    private static bool IsProse(string data)
    {
        if (IsTraffic(data)) return false;
        var space = data.IndexOf(' ');
        var word = data.AsSpan(0, space > 0 ? space : data.Length);
        foreach (var c in word)
            if (!char.IsLetter(c)) return false;
        return space > 0 || !Ascii.IsValid(word);
    }

    /// <summary>A line of traffic as it starts: a command, a response or URC, a final result.</summary>
    private static bool IsTraffic(string trimmed) =>
        trimmed.StartsWith("AT", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith('+') ||
        trimmed.StartsWith("OK", StringComparison.Ordinal) || trimmed.StartsWith("ERROR", StringComparison.Ordinal);

    /// <summary>The data without a trailing <c>// …</c>, <c># …</c>, <c>/* … */</c>, <c>&lt;-- …</c> comment outside quotes, or an arrow pointing back at the line after a gap (<c>   ← …</c>).</summary>
    private static string WithoutComment(string data)
    {
        var quoted = false;
        for (var i = 1; i < data.Length; i++)
        {
            if (data[i] == '"') quoted = !quoted;
            if (quoted || data[i - 1] is not (' ' or '\t')) continue;
            var rest = data.AsSpan(i);
            if (rest.StartsWith("//") || rest.StartsWith("/*") || rest.StartsWith("# ") || rest.StartsWith("<-- ")) return data[..i].TrimEnd();
            // An arrow pointing back at the line, after a gap (`+MQTTOPEN: FAIL   ← 这里失败了`).
            if ((rest.StartsWith("← ") || rest.StartsWith("<- ")) && i >= 2 && data[i - 2] is ' ' or '\t') return data[..i].TrimEnd();
        }
        return data;
    }

    /// <summary>
    /// A transcript pasted through a chat app or typed with a Chinese input method has <c>+MQTTOPEN：OK</c>: the
    /// full-width colon after a response's name is read as the colon it stands for. Only there: in a message, the
    /// character is content (its bytes count in msg_len).
    /// </summary>
    private static string NameColon(string data)
    {
        if (data.Length < 3 || data[0] != '+') return data;
        var end = 1;
        while (end < data.Length && (char.IsAsciiLetterOrDigit(data[end]) || data[end] == '_')) end++;
        return end > 1 && end < data.Length && data[end] == '\uFF1A' ? string.Concat(data.AsSpan(0, end), ":", data.AsSpan(end + 1)) : data;
    }
}
