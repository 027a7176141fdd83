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
}
