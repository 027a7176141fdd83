namespace Conformance.Analyzer.Readers;

/// <summary>
/// Any logger's lines of AT traffic (format <c>logger</c>): whatever a firmware, a script or a logging library writes
/// before the traffic — a stamp of its own kind, a level, a tag, a thread, a function — is read past
/// (<see cref="LoggerLine"/>), the time taken from it wherever it stands (<see cref="LoggerStamp"/>), and the direction
/// from the mark before the traffic, or from the traffic itself where there is none (<see cref="DirectionGuess"/>).
/// Detected when most lines carry such a prefix and no format that knows the prefix reads them better.
/// </summary>
/// <remarks>
/// A line of the same logger that holds nothing recognisable as traffic (the message of a <c>+MQTTPUBLISH</c> on the
/// line after it, an answer of digits) is its line when it starts as the last line of traffic did, digits aside
/// (<c>I (12400) modem: &lt;- </c>); other lines, another tag's or the logger's own words, are left out.
/// </remarks>
internal sealed class LoggerReader : LogReader
{
    private readonly ArrowMeaning arrows = new();
    private readonly DirectionGuess guess = new();
    private readonly LogClock clock = new();
    private string? skeleton;   // the prefix and mark of the last line of traffic, without digits and spaces (empty: it had none, and says nothing of the next)

    public override LogFormat Format => LogFormat.Logger;

    public override bool EndsLines => true;

    // Traffic after a prefix is this format's; traffic at the start of the line or after a mark alone is not, nor traffic
    // right after a stamp a terminal's format reads (`[10:11:12.123] AT`, that format's however its date reads).
    protected override LineEvidence Classify(string line) =>
        LoggerLine.Find(line) is not { } found ? LineEvidence.Neutral
        : line.AsSpan(0, found.MarkStart).Trim().IsEmpty ? LineEvidence.Foreign
        : !found.Marked && StampedTextReader.StampRunsTo(line, found.Start) ? LineEvidence.Neutral
        : LineEvidence.Match;

    /// <summary>A line read, before the arrows' meaning is known.</summary>
    private sealed record Entry(LogLine Line, int DataStart, string? Arrow, LogDirection? Said, DateTimeOffset? Time, TimeSpan? SinceStart);

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        // The first lines are held while the arrows' meaning is learned from them, as a transcript's, until it is decided.
        var window = new LearningWindow<Entry>(entry => arrows.Note(entry.Arrow, entry.Line.Text[entry.DataStart..].Trim()), () => arrows.Decided);
        foreach (var line in lines)
        {
            if (Parse(line) is not { } entry) continue;
            foreach (var ready in window.Add(entry with { Line = line.Kept() })) yield return Emit(ready);
        }
        foreach (var ready in window.Flush()) yield return Emit(ready);
    }

    private DateTimeOffset? time;
    private TimeSpan? since;

    private Entry? Parse(LogLine line)
    {
        var text = line.Text;
        if (text.AsSpan().Trim().IsEmpty) return null;
        int dataStart, prefixEnd;
        LoggerLine? mark;
        if (LoggerLine.Find(text) is { } found)
        {
            (dataStart, prefixEnd, mark) = (found.Start, found.MarkStart, found);
            skeleton = Skeleton(text.AsSpan(0, found.Start));
        }
        else if (skeleton is { Length: > 0 } && Follows(text, skeleton) is var after and >= 0 && after < text.Length)
            (dataStart, prefixEnd, mark) = (after, after, LoggerLine.Mark(text, after));
        else return null;   // another tag's line, or the logger's own words
        // Traffic without the logger's prefix (the module's output passed through to the console as it came): no time of
        // its own, so no latency is made up from the stamp before it.
        if (dataStart == 0) return new Entry(line, 0, null, null, null, null);
        if (LoggerStamp.Read(text.AsSpan(0, prefixEnd)) is { } stamp)
        {
            time = stamp.On(clock);
            since = stamp.SinceStart;
        }
        return new Entry(line, dataStart, mark?.Arrow, mark?.Direction, time, since);
    }

    private LogRecord Emit(Entry entry)
    {
        // A program's print of its buffer with C's escapes (`uart_recv: \r\nOK\r\n`): the bytes it stands for, line ends and all.
        var printed = PrintedData.Of(entry.Line.Text[entry.DataStart..]);
        var data = printed ?? (TableCell(entry.Line, entry.DataStart) is var (from, length) && length >= 0
            ? [.. entry.Line.Encode(PastedSpaces.Plain(entry.Line.Text.Substring(from, length))), (byte)'\r', (byte)'\n']
            : PastedSpaces.Any(entry.Line.Text.AsSpan(entry.DataStart)) ? [.. entry.Line.Encode(PastedSpaces.Plain(entry.Line.Text[entry.DataStart..])), (byte)'\r', (byte)'\n']
            : WithCrLf(entry.Line, entry.DataStart));
        var direction = entry.Said ?? (entry.Arrow is { } arrow ? arrows.Of(arrow) : null);
        var traffic = printed is null ? data.AsSpan(0, data.Length - 2) : data.AsSpan().Trim("\r\n"u8);
        return Record(entry.Line, entry.Time, direction ?? guess.Next(traffic, entry.SinceStart), data, entry.SinceStart);
    }

    /// <summary>
    /// A row of a table pasted into a ticket or a wiki (<c>| 10:11:12.100 | TX | AT+CSQ |</c>): the data ends before its
    /// cell does. Length -1 for any other line.
    /// </summary>
    private static (int From, int Length) TableCell(LogLine line, int dataStart)
    {
        var text = line.Text;
        var end = text.AsSpan().TrimEnd().Length;
        if (end <= dataStart || text[end - 1] != '|' || !text.AsSpan().TrimStart().StartsWith("|")) return (dataStart, -1);
        return (dataStart, text.AsSpan(dataStart, end - 1 - dataStart).TrimEnd().Length);
    }

    // The prefix as a logger writes it every time: its digits (times, counters) and spaces left out.
    private static string Skeleton(ReadOnlySpan<char> prefix)
    {
        var kept = new System.Text.StringBuilder(prefix.Length);
        foreach (var c in prefix)
            if (!char.IsAsciiDigit(c) && !char.IsWhiteSpace(c)) kept.Append(c);
        return kept.ToString();
    }

    /// <summary>Where the data starts after a prefix of <paramref name="skeleton"/>'s shape; -1 when the line starts otherwise.</summary>
    private static int Follows(string line, string skeleton)
    {
        var matched = 0;
        var i = 0;
        for (; i < line.Length && matched < skeleton.Length; i++)
        {
            var c = line[i];
            if (char.IsAsciiDigit(c) || char.IsWhiteSpace(c)) continue;
            if (c != skeleton[matched]) return -1;
            matched++;
        }
        if (matched < skeleton.Length) return -1;
        while (i < line.Length && line[i] is ' ' or '\t') i++;
        return i;
    }
}
