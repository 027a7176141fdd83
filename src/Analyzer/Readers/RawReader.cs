using System.Runtime.InteropServices;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// Bytes exactly as read from the port (power-up NUL/0xFF noise included); the direction of each line is
/// guessed. Also the fallback for anything unrecognised. Each line the host sent is a record; consecutive
/// lines of the module are one (<see cref="ModuleBlock"/>).
/// </summary>
internal sealed class RawReader : LogReader
{
    public override LogFormat Format => LogFormat.Raw;

    /// <summary>A raw capture has no header, so a tool's header on the first line rules it out, and so does a tool's banner on any.</summary>
    public override double Score(IReadOnlyList<string> sample) =>
        sample.Count > 0 && (PuttyReader.IsHeader(sample[0]) || sample[0].StartsWith(Protocol.Tracing.TraceFormat.Magic, StringComparison.Ordinal))
            || VsCodeSerialReader.HasBanner(sample) ? 0 : base.Score(sample);

    protected override bool IsOwn(string line) =>
        line.StartsWith("AT", StringComparison.OrdinalIgnoreCase) || line.StartsWith('+') ||
        line.StartsWith("OK", StringComparison.Ordinal) || line.StartsWith("ERROR", StringComparison.Ordinal);

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines) => ReadTraffic(lines);

    /// <summary>Reads the lines in place: no object per line, which is most of the cost on a long capture.</summary>
    public override IEnumerable<LogRecord> Read(IEnumerable<LineSplitter> files)
    {
        var kept = new KeptRecords();
        var traffic = new Traffic(kept);
        foreach (var file in files)
        {
            while (traffic.Next(file))
            {
                foreach (var record in kept.Records) yield return record;
                kept.Records.Clear();
            }
        }
        traffic.Flush();
        foreach (var record in kept.Records) yield return record;
    }

    /// <summary>Lends each line the host sent and each block of module output straight from the buffers: no copy, no object per record.</summary>
    public override bool ReadInPlace(IEnumerable<LineSplitter> files, IRecordSink sink)
    {
        var traffic = new Traffic(sink);
        try
        {
            foreach (var file in files)
            {
                while (traffic.Next(file)) { }
            }
        }
        catch (LogReadException)
        {
            // A damaged input (a cut gzip file) ends here: the module's lines read before the damage are passed on too.
            traffic.Flush();
            throw;
        }
        traffic.Flush();
        return true;
    }

    /// <summary>Lines of plain traffic, shared with formats that wrap a raw capture.</summary>
    public static IEnumerable<LogRecord> ReadTraffic(IEnumerable<LogLine> lines)
    {
        var kept = new KeptRecords();
        var traffic = new Traffic(kept);
        foreach (var line in lines)
        {
            traffic.Add(line.Number, line.File, WithEnding(line), line.Content.Length);
            foreach (var record in kept.Records) yield return record;
            kept.Records.Clear();
        }
        traffic.Flush();
        foreach (var record in kept.Records) yield return record;
    }

    // The line and its line end: in place where they lie together in the splitter's buffer (as they do), else a copy.
    private static ReadOnlySpan<byte> WithEnding(LogLine line) =>
        MemoryMarshal.TryGetArray(line.Content, out var content) && MemoryMarshal.TryGetArray(line.Ending, out var ending) &&
        content.Array == ending.Array && content.Offset + content.Count == ending.Offset
            ? content.Array.AsSpan(content.Offset, content.Count + ending.Count)
            : line.BytesWithEnding();

    /// <summary>The direction guess and the block being gathered, fed one line at a time; records go to the sink.</summary>
    private sealed class Traffic(IRecordSink sink)
    {
        private readonly DirectionGuess _guess = new();
        private readonly ModuleBlock _block = new(sink);

        /// <summary>Reads a line of <paramref name="file"/>; false at its end.</summary>
        public bool Next(LineSplitter file)
        {
            if (!file.TryNext(out var content, out _, out var number)) return false;
            Add(number, file.File, file.Current, content.Length);
            return true;
        }

        /// <summary>Takes a line, its line end after <paramref name="contentLength"/> bytes: module output joins the block, a line the host sent is a record of its own.</summary>
        public void Add(long number, string file, ReadOnlySpan<byte> line, int contentLength)
        {
            var direction = _guess.Next(line[..contentLength]);
            if (direction != LogDirection.ToModule)
            {
                _block.Add(number, file, line);
                return;
            }
            _block.Flush();
            sink.Add(new RecordView(number, file, null, null, direction, line));
        }

        /// <summary>Passes on the block gathered last (at the end of the log).</summary>
        public void Flush() => _block.Flush();
    }
}
