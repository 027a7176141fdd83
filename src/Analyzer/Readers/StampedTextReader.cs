namespace Conformance.Analyzer.Readers;

/// <summary>
/// The shape shared by terminal programs that stamp each line of text and record no direction
/// (Tera Term, minicom, tio, pyserial scripts): the stamp gives the time, the text after it the data, and
/// <see cref="DirectionGuess"/> the direction. An unstamped line keeps the time of the last stamp.
/// </summary>
internal abstract class StampedTextReader : LogReader
{
    private readonly DirectionGuess guess = new();

    protected readonly record struct TimePrefix(DateTimeOffset? Time, TimeSpan? SinceStart, int DataStart);

    /// <summary>The stamp at the start of a line, or null for an unstamped line.</summary>
    protected abstract TimePrefix? ParseStamp(string line);

    /// <summary>
    /// True when the stamp is read from the bytes (<see cref="ParseStamp(ReadOnlySpan{byte})"/>) and the data is the
    /// bytes after it: the lines are then read in place, without a string per line.
    /// </summary>
    protected virtual bool ReadsBytes => false;

    /// <summary>The stamp at the start of a line's bytes, or null for an unstamped line; only when <see cref="ReadsBytes"/>.</summary>
    protected virtual TimePrefix? ParseStamp(ReadOnlySpan<byte> line) => throw new NotSupportedException();

    /// <summary>The data of a line from a character on; by default the text with CR LF appended.</summary>
    protected virtual byte[] Data(LogLine line, int dataStart) => WithCrLf(line, dataStart);

    protected override bool IsOwn(string line) => ParseStamp(line) is not null;

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        TimePrefix last = default;
        foreach (var line in lines)
        {
            var stamp = ParseStamp(line.Text);
            if (stamp is null && line.Content.IsEmpty) continue;
            last = stamp ?? last with { DataStart = 0 };
            foreach (var (direction, data) in guess.Lines(Data(line, last.DataStart)))
                yield return Record(line, last.Time, direction, data, last.SinceStart);
        }
    }

    public override IEnumerable<LogRecord> Read(IEnumerable<LineSplitter> files)
    {
        if (!ReadsBytes) return base.Read(files);
        return InPlace(files);
    }

    /// <summary>
    /// As <see cref="Read(IEnumerable{LogLine})"/>, from the bytes: a line holds no line end, so it is one record, its
    /// data the bytes after the stamp with CR LF. The time since the first stamp is set here, saving a copy of each record.
    /// </summary>
    private IEnumerable<LogRecord> InPlace(IEnumerable<LineSplitter> files)
    {
        TimePrefix last = default;
        DateTimeOffset? first = null;
        foreach (var file in files)
        {
            while (Next(file, ref last, ref first) is var (record, more) && more)
            {
                if (record is not null) yield return record;
            }
        }
    }

    /// <summary>Reads one line of <paramref name="file"/>: its record (null for a line that carries none), and false at the end.</summary>
    private (LogRecord? Record, bool More) Next(LineSplitter file, ref TimePrefix last, ref DateTimeOffset? first)
    {
        if (!file.TryNext(out var content, out _, out var number)) return (null, false);
        var stamp = ParseStamp(content);
        if (stamp is null && content.IsEmpty) return (null, true);
        last = stamp ?? last with { DataStart = 0 };
        var text = content[last.DataStart..];
        var data = new byte[text.Length + 2];
        text.CopyTo(data);
        (data[^2], data[^1]) = ((byte)'\r', (byte)'\n');
        var sinceStart = last.SinceStart;
        if (sinceStart is null && last.Time is { } time) sinceStart = time - (first ??= time);
        return (new LogRecord(number, file.File, last.Time, sinceStart, guess.Next(text), data), true);
    }
}
