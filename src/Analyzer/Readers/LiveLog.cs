using System.Text;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// A log read as it is written (<c>analyze --follow</c>): a <see cref="GrowingFileStream"/> or a port's stream, its format
/// forced or detected from the first lines that came (up to <see cref="LogFormatDetector.SampleLines"/>, or whatever
/// came before a second of silence), its records given as their lines arrive. The records are those an offline read of
/// the same bytes gives, so the final analysis equals <c>analyze</c> of them.
/// </summary>
public sealed class LiveLog : IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);
    private readonly FollowedStream _stream;
    private readonly byte[] _commentPrefix;
    private LineSplitter? _splitter;

    /// <summary>Opens <paramref name="input"/> (disposed with this) and settles its format.</summary>
    /// <param name="name">The input's name in records and messages (a file's full path, as <c>analyze</c> names it).</param>
    /// <param name="idleExit">End the log after this long without a byte; null waits for the stop token or the input's end.</param>
    public LiveLog(Stream input, string name, LogFormat? format, TimeSpan? idleExit, CancellationToken stop)
    {
        Name = name;
        // A file truncated or replaced is read again from its start: its lines are numbered from 1 again, as the file now has them.
        if (input is GrowingFileStream growing) growing.Restarted += () => _splitter?.StartOver();
        _stream = new FollowedStream(input, idleExit, stop);
        var head = Head(format is null);
        var sample = LogFormatDetector.Sample(new MemoryStream(head), name);
        Detection = LogFormatDetector.Detect(sample);
        Format = format ?? Detection.Format;
        Channels = LogChannels.Detect(sample, Format);
        _commentPrefix = Encoding.UTF8.GetBytes(Detection.CommentPrefix);
        _stream.PutBack(head.AsSpan().StartsWith("\uFEFF"u8) ? head.AsMemory(3) : head);
    }

    public string Name { get; }

    /// <summary>What detection found in the first lines (also when the format was forced).</summary>
    public FormatGuess Detection { get; }

    /// <summary>The format the records are read as.</summary>
    public LogFormat Format { get; }

    /// <summary>
    /// How the log names the module of each line when it holds the traffic of several, decided from the first lines as
    /// the format is (<see cref="LogSource.Channels"/>); null for a log of one. Such a log is read with <see cref="ReadChannels"/>.
    /// </summary>
    public LogChannels? Channels { get; }

    /// <summary>Why the input ended early (a port failed); null when it ended, was stopped or stayed idle.</summary>
    public string? Failure => _stream.Failure;

    /// <summary>True when the log ended by staying silent for the idle limit.</summary>
    public bool Idled => _stream.Idled;

    /// <summary>The records, each as soon as the lines it needs have arrived; ends with the input.</summary>
    public IEnumerable<LogRecord> Read()
    {
        using var splitter = _splitter = Splitter();
        var reader = LogReaders.Create(Format);
        foreach (var record in SplitLines.Of(reader, LogSource.SinceFirst(reader.Read([splitter])))) yield return record;
    }

    /// <summary>
    /// Reads a log of several modules as a log per module, as <see cref="LogSource.ReadChannels"/> does a whole one: each
    /// channel's records go, as its lines arrive, into the sink <paramref name="sinkFor"/> gives for it, on a thread of its
    /// own. With <paramref name="only"/>, only that channel is read. Returns every channel named, in the order they came;
    /// <paramref name="appeared"/> is told each as it first comes.
    /// </summary>
    public IReadOnlyList<string> ReadChannels(Func<string, IRecordSink> sinkFor, string? only = null, Action<string>? appeared = null)
    {
        if (Channels is null) throw new InvalidOperationException("the log names no channels: read it with Read");
        using var splitter = _splitter = Splitter();
        var split = new ChannelSplit(Channels, Format, sinkFor, only, appeared);
        try
        {
            foreach (var line in splitter.Remaining()) split.Feed(line);
        }
        finally
        {
            split.Complete();
        }
        split.Wait();
        return split.Names;
    }

    private LineSplitter Splitter() => new(_stream, Name) { Prefix = _commentPrefix, Numbered = Detection.NumberedLines, Padded = Detection.PaddedWidth > 0, CaretLineEnds = Detection.CaretLineEnds };

    /// <summary>The first bytes, for detection: enough lines, or what came before a pause.</summary>
    private byte[] Head(bool detect)
    {
        var head = new MemoryStream();
        var chunk = new byte[8192];
        var lines = 0;
        while (detect && head.Length < LogFormatDetector.SampleBytes && lines < LogFormatDetector.SampleLines)
        {
            var read = _stream.Read(chunk, lines > 0 ? Settle : null);
            if (read <= 0) break;
            head.Write(chunk, 0, read);
            lines += chunk.AsSpan(0, read).Count((byte)'\n');
        }
        return head.ToArray();
    }

    public void Dispose() => _stream.Dispose();
}
