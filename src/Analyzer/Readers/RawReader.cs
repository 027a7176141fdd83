namespace Conformance.Analyzer.Readers;

/// <summary>
/// Bytes exactly as read from the port (power-up NUL/0xFF noise included); the direction of each line is
/// guessed. Also the fallback for anything unrecognised. Each line the host sent is a record; consecutive
/// lines of the module are one (<see cref="ModuleBlock"/>).
/// </summary>
internal sealed class RawReader : LogReader
{
    public override LogFormat Format => LogFormat.Raw;

    /// <summary>A raw capture has no header, so a tool's header on the first line rules it out.</summary>
    public override double Score(IReadOnlyList<string> sample) =>
        sample.Count > 0 && (PuttyReader.IsHeader(sample[0]) || sample[0].StartsWith(Protocol.Tracing.TraceFormat.Magic, StringComparison.Ordinal))
            ? 0 : base.Score(sample);

    protected override bool IsOwn(string line) =>
        line.StartsWith("AT", StringComparison.OrdinalIgnoreCase) || line.StartsWith('+') ||
        line.StartsWith("OK", StringComparison.Ordinal) || line.StartsWith("ERROR", StringComparison.Ordinal);

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines) => ReadTraffic(lines);

    /// <summary>Reads the lines in place: no object per line, which is most of the cost on a long capture.</summary>
    public override IEnumerable<LogRecord> Read(IEnumerable<LineSplitter> files)
    {
        var traffic = new Traffic();
        foreach (var file in files)
        {
            while (traffic.Next(file, out var before, out var hostLine))
            {
                if (before is not null) yield return before;
                if (hostLine is not null) yield return hostLine;
            }
        }
        if (traffic.Block.Flush() is { } last) yield return last;
    }

    /// <summary>Lines of plain traffic, shared with formats that wrap a raw capture.</summary>
    public static IEnumerable<LogRecord> ReadTraffic(IEnumerable<LogLine> lines)
    {
        var traffic = new Traffic();
        foreach (var line in lines)
        {
            var (before, hostLine) = traffic.Add(line.Number, line.File, line.Content.Span, line.Ending.Span);
            if (before is not null) yield return before;
            if (hostLine is not null) yield return hostLine;
        }
        if (traffic.Block.Flush() is { } last) yield return last;
    }

    /// <summary>The direction guess and the block being gathered, fed one line at a time.</summary>
    private sealed class Traffic
    {
        private readonly DirectionGuess _guess = new();

        public ModuleBlock Block { get; } = new();

        /// <summary>Reads a line of <paramref name="file"/>; false at its end.</summary>
        public bool Next(LineSplitter file, out LogRecord? before, out LogRecord? hostLine)
        {
            (before, hostLine) = (null, null);
            if (!file.TryNext(out var content, out var ending, out var number)) return false;
            (before, hostLine) = Add(number, file.File, content, ending);
            return true;
        }

        /// <summary>Takes a line; returns the block it closed, and the line itself when the host sent it.</summary>
        public (LogRecord? Before, LogRecord? HostLine) Add(long number, string file, ReadOnlySpan<byte> content, ReadOnlySpan<byte> ending)
        {
            var direction = _guess.Next(content);
            var before = Block.Before(direction, file, content.Length + ending.Length);
            if (direction != LogDirection.ToModule)
            {
                Block.Add(number, file, content, ending);
                return (before, null);
            }
            return (before, new LogRecord(number, file, null, null, direction, [.. content, .. ending]));
        }
    }
}
