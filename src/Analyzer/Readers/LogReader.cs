namespace Conformance.Analyzer.Readers;

/// <summary>
/// Reads one log format: scores a sample of lines for detection and turns lines into records.
/// An instance reads one log (its state carries over rotated files); make a new one for the next log.
/// </summary>
internal abstract class LogReader
{
    public abstract LogFormat Format { get; }

    /// <summary>How well a sample of decoded non-empty lines fits this format, 0..1.</summary>
    /// <remarks>
    /// Own marks count fully, marks of another tool count against, other lines count a quarter against:
    /// a format whose marks are on most lines wins over one that merely tolerates them.
    /// </remarks>
    public virtual double Score(IReadOnlyList<string> sample)
    {
        double match = 0, against = 0;
        foreach (var line in sample)
        {
            switch (Classify(line))
            {
                case LineEvidence.Match: match++; break;
                case LineEvidence.Foreign: against++; break;
                default: against += 0.25; break;
            }
        }
        return match == 0 ? 0 : match / (match + against);
    }

    /// <summary>True when <paramref name="line"/> is evidence for this format (after <see cref="Score"/> of its sample).</summary>
    public bool Owns(string line) => Classify(line) == LineEvidence.Match;

    protected virtual LineEvidence Classify(string line) =>
        IsOwn(line) ? LineEvidence.Match : LooksStamped(line) ? LineEvidence.Foreign : LineEvidence.Neutral;

    protected virtual bool IsOwn(string line) => false;

    /// <summary>
    /// True when the format ends each of its lines itself (a stamp per line, the line end dropped): a line the tool
    /// split over two stamps is then rejoined (<see cref="SplitLines"/>). False where the line ends are the port's bytes.
    /// </summary>
    public virtual bool EndsLines => false;

    public abstract IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines);

    /// <summary>Reads the files of one log in order; a format that needs no <see cref="LogLine"/> per line reads them in place.</summary>
    public virtual IEnumerable<LogRecord> Read(IEnumerable<LineSplitter> files) => Read(files.SelectMany(file => file.Remaining()));

    /// <summary>
    /// Lends the records of the files to <paramref name="sink"/> in place, with the time since the first record set;
    /// false when this format has no such path (then nothing was read).
    /// </summary>
    public virtual bool ReadInPlace(IEnumerable<LineSplitter> files, IRecordSink sink) => false;

    protected static LogRecord Record(LogLine line, DateTimeOffset? time, LogDirection direction, byte[] data, TimeSpan? sinceStart = null) =>
        new(line.Number, line.File, time, sinceStart, direction, data) { NotHex = line.NotHex };

    /// <summary>The line's content from a character on, with CR LF for a format that drops line ends.</summary>
    protected static byte[] WithCrLf(LogLine line, int charIndex) => [.. line.BytesFrom(charIndex), (byte)'\r', (byte)'\n'];

    /// <summary>True for a line that begins with some logging tool's stamp or header rather than traffic.</summary>
    protected static bool LooksStamped(string line)
    {
        if (line.Length == 0) return false;
        var first = line[0];
        if (first is '[' or '#' or '<' or '=') return true;
        if (line.StartsWith("b'", StringComparison.Ordinal) || line.StartsWith("b\"", StringComparison.Ordinal)) return true;
        if (line.Contains("<debug>", StringComparison.Ordinal) || line.Contains("<dbg>", StringComparison.Ordinal)) return true;
        return char.IsAsciiDigit(first) && (line.Contains(" [RX] ", StringComparison.Ordinal) ||
            line.Contains(" [TX] ", StringComparison.Ordinal) || (line.Length > 19 && line[4] is '-' or '/' or '.' && line[7] == line[4] && line[13] == ':'));
    }
}
