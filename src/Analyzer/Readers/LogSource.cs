using System.Text;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// A captured log opened for reading: one input or several read in order as one log (a file and its
/// rotations, files given one after another, or standard input), its format (detected or forced) and a
/// streaming sequence of <see cref="LogRecord"/>s with read progress.
/// </summary>
/// <remarks>
/// Inputs are read through a fixed buffer, never whole, so memory does not grow with their size. Gzip and
/// UTF-16 are undone on the fly (<see cref="LogInput"/>). Standard input, a pipe or a device is sampled for
/// detection and then read once, from its start.
/// </remarks>
public sealed class LogSource
{
    private readonly byte[] commentPrefix;
    private readonly Dictionary<string, PeekStream> unread; // inputs that cannot be opened twice: sampled, not yet read
    private readonly HashSet<string> pipes;
    private long bytesRead;
    private readonly List<LogReadException>? damage; // null: a damaged input fails the reading

    private LogSource(IReadOnlyList<string> files, IReadOnlyList<string> storage, FormatGuess detection, LogFormat format, long totalBytes, bool isEmpty,
        Dictionary<string, PeekStream> unread, List<LogReadException>? damage, LogChannels? channels)
    {
        Channels = channels;
        this.damage = damage;
        Files = files;
        Storage = storage;
        Detection = detection;
        Format = format;
        TotalBytes = totalBytes;
        IsEmpty = isEmpty;
        this.unread = unread;
        pipes = [.. unread.Keys];
        commentPrefix = Encoding.UTF8.GetBytes(detection.CommentPrefix);
    }

    /// <summary>The inputs in reading order; <c>-</c> is standard input.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Per input, what had to be undone to read it as text (<c>gzip</c>, <c>UTF-16LE</c>), empty for plain text.</summary>
    public IReadOnlyList<string> Storage { get; }

    /// <summary>What detection found, also when the format was forced (so a caller can warn about a mismatch).</summary>
    public FormatGuess Detection { get; }

    /// <summary>The format the records are read as.</summary>
    public LogFormat Format { get; }

    /// <summary>
    /// How the log names the module of each line when it holds the traffic of several (<see cref="LogChannels"/>);
    /// null for a log of one. Such a log is read with <see cref="ReadChannels"/>.
    /// </summary>
    public LogChannels? Channels { get; }

    /// <summary>Bytes stored in the files (compressed size for gzip); 0 when unknown (standard input).</summary>
    public long TotalBytes { get; }

    /// <summary>True when no input holds a single byte.</summary>
    public bool IsEmpty { get; }

    /// <summary>
    /// The parts of a log of several files that could not be read, each with its file and line (none for a file left out
    /// whole), when opened to read past them; the rest of the log was read.
    /// </summary>
    public IReadOnlyList<LogReadException> Damage => damage ?? [];

    /// <summary>Stored bytes read so far by the current read; safe to poll from another thread.</summary>
    public long BytesRead => Interlocked.Read(ref bytesRead);

    /// <summary>
    /// Opens a log file together with its rotations (<c>log.txt.1</c>, <c>log.txt.2</c> … beside it), or
    /// standard input for <c>-</c>.
    /// </summary>
    /// <exception cref="LogReadException">A file is missing, a directory, unreadable, or (unless the format is forced) binary.</exception>
    public static LogSource Open(string path, LogFormat? format = null) => Open(LogFiles.Of([path]), format);

    /// <summary>
    /// The text of one opened input, decoded as a log is: gzip unpacked, UTF-16 turned into UTF-8, a UTF-8 byte order
    /// mark dropped. <paramref name="storage"/> says what was undone (<c>gzip</c>, <c>UTF-16LE</c>), empty for plain text.
    /// </summary>
    /// <exception cref="LogReadException">A damaged gzip stream, or a failed read, naming <paramref name="name"/>.</exception>
    public static Stream OpenText(Stream stored, string name, out string storage)
    {
        var text = LogInput.Decode(stored, name, out var gzip, out var utf16);
        storage = LogInput.Describe(gzip, utf16);
        return text;
    }

    /// <summary>
    /// Opens inputs read in the given order as one log; <c>-</c> is standard input. With <paramref name="readPastDamage"/>,
    /// an input of several that cannot be opened is left out, and one damaged part way (a cut gzip file, a line that is no
    /// trace record) is read up to the damage and past a bad line: each is in <see cref="Damage"/>, the rest is read.
    /// </summary>
    /// <exception cref="LogReadException">An input is missing, a directory, unreadable, or (unless the format is forced) binary.</exception>
    public static LogSource Open(IReadOnlyList<string> files, LogFormat? format = null, bool readPastDamage = false)
    {
        if (files.Count == 0) throw new ArgumentException("no log files given", nameof(files));
        var damage = readPastDamage && files.Count > 1 ? new List<LogReadException>() : null;
        if (damage is null) return Open(files, format, null);
        // A file that cannot be opened is left out, as long as another can be.
        var readable = new List<string>();
        foreach (var file in files)
        {
            try
            {
                // Standard input can be sampled once: it is opened with the rest, and fails the log if it fails.
                if (file != LogInput.StandardInput) Open([file], format, null);
                readable.Add(file);
            }
            catch (LogReadException e)
            {
                damage.Add(e);
            }
        }
        if (readable.Count == 0) throw damage[0];
        return Open(readable, format, damage);
    }

    private static LogSource Open(IReadOnlyList<string> files, LogFormat? format, List<LogReadException>? damage)
    {
        long total = 0;
        var empty = true;
        var sample = new List<string>();
        var storage = new List<string>();
        var unread = new Dictionary<string, PeekStream>();
        foreach (var file in files)
        {
            var name = LogInput.DisplayName(file);
            var stored = LogInput.OpenStored(file);
            var once = !stored.CanSeek;
            if (!once || stored is ArchiveMembers.Member) total += stored.Length;
            var text = LogInput.Decode(stored, name, out var gzip, out var utf16);
            var how = LogInput.Describe(gzip, utf16);
            // A log in an archive: which one, when the archive was named alone.
            if (stored is ArchiveMembers.Member && ArchiveMembers.Split(file) is var (packed, member))
            {
                var where = $"{member} in the {ArchiveMembers.KindOf(packed)}";
                how = how.Length == 0 ? where : $"{where}, {how}";
            }
            storage.Add(how);
            var head = LogInput.Sniff(text, name, s => s.Peek(LogFormatDetector.SampleBytes).ToArray());
            empty &= head.Length == 0;
            if (format is null && Archive.Of(head) is { } archive) throw new LogReadException((once ? null : ArchiveLogs(file, head)) ?? $"is {archive}, not a log", name);
            if (format is null && BinaryContent.Looks(head))
                throw new LogReadException("looks like binary data, not a text log (most of its first lines hold control bytes); " +
                    "if it is a capture of the port, force it with --format raw", name);
            if (sample.Count < LogFormatDetector.SampleLines) sample.AddRange(LogFormatDetector.Sample(new MemoryStream(head), name));
            if (once && !unread.TryAdd(file, text)) throw new LogReadException("is a pipe or a device and can be read only once: name it once", name);
            if (!once) text.Dispose();
        }
        var detection = LogFormatDetector.Detect(sample);
        var read = format ?? detection.Format;
        return new LogSource(files, storage, detection, read, total, empty, unread, damage, LogChannels.Detect(sample, read));
    }

    /// <summary>Reads the records of all inputs as one stream; files can be read again, a pipe once.</summary>
    public IEnumerable<LogRecord> Read()
    {
        Interlocked.Exchange(ref bytesRead, 0);
        var reader = LogReaders.Create(Format);
        return SplitLines.Of(reader, SinceFirst(reader.Read(Splitters())));
    }

    /// <summary>
    /// Reads the records of all inputs into <paramref name="sink"/>, the same records as <c>Read()</c>; a format
    /// read in place lends each line without a copy (<see cref="RecordView"/>), which is most of the reading cost.
    /// </summary>
    public void Read(IRecordSink sink)
    {
        Interlocked.Exchange(ref bytesRead, 0);
        if (damage is null)
        {
            Read(Splitters(), sink);
            return;
        }
        damage.RemoveAll(d => d.Line is not null);
        using var chain = new SplitterChain(Splitters().GetEnumerator());
        while (true)
        {
            try
            {
                Read(chain.Rest(), sink);
                return;
            }
            catch (LogReadException e)
            {
                // A broken stream ends its file; a bad line is passed over and the file read on, by a new reader
                // (unless the reader stopped at the same place again).
                var again = damage.Count > 0 && damage[^1].File == e.File && damage[^1].Line == e.Line;
                if (!again) damage.Add(e);
                if (e.EndsInput || again) chain.Skip();
                else if (damage.Count(d => d.File == e.File) == MaxBadLines)
                {
                    // A file of another kind in the chain: said once, not line by line.
                    damage.Add(new LogReadException($"{MaxBadLines} lines are not of this log's format", e.File, e.Line, new InvalidDataException()));
                    chain.Skip();
                }
            }
        }
    }

    // Bad lines passed over in one file before the rest of it is left out.
    private const int MaxBadLines = 10;

    private void Read(IEnumerable<LineSplitter> splitters, IRecordSink sink) =>
        Lend(LogReaders.Create(Format), sink, (reader, target) => reader.ReadInPlace(splitters, target), reader => reader.Read(splitters));

    /// <summary>
    /// Lends a reader's records to <paramref name="sink"/>: in place where it reads so, else those <paramref name="read"/>
    /// gives, with the time since the first; a line the terminal split over two stamps joined first.
    /// </summary>
    internal static void Lend(LogReader reader, IRecordSink sink, Func<LogReader, IRecordSink, bool> readInPlace, Func<LogReader, IEnumerable<LogRecord>> read)
    {
        var lines = reader.EndsLines ? new SplitLines(sink) : null;
        try
        {
            if (!readInPlace(reader, lines ?? sink))
                foreach (var record in SinceFirst(read(reader))) (lines ?? sink).Add(record.View);
        }
        catch (LogReadException)
        {
            // The line held back for its rest was read whole before the damage: it goes on before the damage is said.
            lines?.Flush();
            throw;
        }
        lines?.Flush();
    }

    /// <summary>
    /// Reads a log of several modules (<see cref="Channels"/>) as a log per module: each channel's lines, in order, go to
    /// a reader of its own (its arrows, clock and echoes its own) and its records into the sink <paramref name="sinkFor"/>
    /// gives for it, on a thread of its own; the lines before the first that names a channel (a CSV header, a banner)
    /// and a header met later go to every channel. With <paramref name="only"/>, only that channel is read (<see cref="LogChannels.Names"/>). Returns
    /// every channel named, in the order they came.
    /// </summary>
    public IReadOnlyList<string> ReadChannels(Func<string, IRecordSink> sinkFor, string? only = null)
    {
        if (Channels is null) throw new InvalidOperationException("the log names no channels: read it with Read");
        Interlocked.Exchange(ref bytesRead, 0);
        damage?.RemoveAll(d => d.Line is not null);
        var split = new ChannelSplit(Channels, Format, sinkFor, only);
        try
        {
            foreach (var splitter in Splitters())
            {
                try
                {
                    foreach (var line in splitter.Remaining()) split.Feed(line);
                }
                catch (LogReadException e) when (damage is not null)
                {
                    damage.Add(e);
                }
            }
        }
        finally
        {
            split.Complete();
        }
        split.Wait();
        return split.Names;
    }

    /// <summary>The splitters of the inputs, handed out again from the current one after a reader stopped at a damaged line.</summary>
    private sealed class SplitterChain(IEnumerator<LineSplitter> files) : IDisposable
    {
        private bool _started;
        private bool _skip;

        /// <summary>The current input (unless skipped) and the ones after it; the current one goes on from where it was.</summary>
        public IEnumerable<LineSplitter> Rest()
        {
            if (_started && !_skip) yield return files.Current;
            _started = true;
            _skip = false;
            while (files.MoveNext()) yield return files.Current;
        }

        /// <summary>Leaves the rest of the current input unread.</summary>
        public void Skip() => _skip = true;

        public void Dispose() => files.Dispose();
    }

    /// <summary>Gives records with a wall-clock time and no relative one their time since the first such record.</summary>
    internal static IEnumerable<LogRecord> SinceFirst(IEnumerable<LogRecord> records)
    {
        DateTimeOffset? first = null;
        foreach (var record in records)
        {
            if (record.Time is not { } time || record.SinceStart is not null) { yield return record; continue; }
            first ??= time;
            yield return record with { SinceStart = time - first };
        }
    }

    private IEnumerable<LineSplitter> Splitters()
    {
        foreach (var file in Files)
        {
            var name = LogInput.DisplayName(file);
            using var text = unread.Remove(file, out var once) ? once
                : pipes.Contains(file) ? throw new InvalidOperationException($"{name} is a pipe and has been read already")
                : LogInput.Decode(Counted(file), name, out _, out _);
            using var splitter = new LineSplitter(text, name) { Prefix = commentPrefix, Numbered = Detection.NumberedLines, Padded = Detection.PaddedWidth > 0, CaretLineEnds = Detection.CaretLineEnds };
            yield return splitter;
        }
    }

    // An archive of several logs, named: the member to name, or the commands that read them all.
    private static string? ArchiveLogs(string file, ReadOnlySpan<byte> head)
    {
        var kind = Archive.IsZip(head) && head[2] == 3 ? "zip" : Archive.IsTar(head) ? "tar" : null;
        if (kind is null) return null;
        var logs = ArchiveMembers.Logs(file);
        var shown = string.Join(", ", logs.Take(5).Select(log => log[(file.Length + ArchiveMembers.Separator.Length)..])) + (logs.Count > 5 ? ", …" : "");
        return logs.Count == 0 ? $"is a {kind} archive that holds no file, not a log"
            : $"is a {kind} archive of {logs.Count} files ({shown}): name one ('{logs[0]}'), or read each as a log of its own with 'conformance fleet' or 'analyze … --parquet'";
    }

    private CountingStream Counted(string file) => new(LogInput.OpenStored(file), n => Interlocked.Add(ref bytesRead, n));
}
