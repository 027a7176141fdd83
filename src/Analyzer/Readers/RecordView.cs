namespace Conformance.Analyzer.Readers;

/// <summary>
/// A <see cref="LogRecord"/> lent for the length of one call: its bytes may lie in the reader's buffer, so a
/// reader that reads in place hands over each line without a copy or an object.
/// </summary>
/// <param name="owner">The array <paramref name="data"/> is, when it outlives the call (a <see cref="LogRecord"/>'s); null otherwise.</param>
public readonly ref struct RecordView(long line, string file, DateTimeOffset? time, TimeSpan? sinceStart, LogDirection direction,
    ReadOnlySpan<byte> data, bool spansLines = false, byte[]? owner = null, bool stampNotATime = false, bool rejoined = false, TextInHexRow? notHex = null,
    bool timeInherited = false)
{
    /// <inheritdoc cref="LogRecord.Line"/>
    public long Line { get; } = line;

    /// <inheritdoc cref="LogRecord.File"/>
    public string File { get; } = file;

    /// <inheritdoc cref="LogRecord.Time"/>
    public DateTimeOffset? Time { get; } = time;

    /// <inheritdoc cref="LogRecord.SinceStart"/>
    public TimeSpan? SinceStart { get; } = sinceStart;

    /// <inheritdoc cref="LogRecord.Direction"/>
    public LogDirection Direction { get; } = direction;

    /// <summary>The record's bytes (<see cref="LogRecord.Data"/>), valid during the call only.</summary>
    public ReadOnlySpan<byte> Data { get; } = data;

    /// <inheritdoc cref="LogRecord.SpansLines"/>
    public bool SpansLines { get; } = spansLines;

    /// <inheritdoc cref="LogRecord.StampNotATime"/>
    public bool StampNotATime { get; } = stampNotATime;

    /// <inheritdoc cref="LogRecord.TimeInherited"/>
    public bool TimeInherited { get; } = timeInherited;

    /// <inheritdoc cref="LogRecord.Rejoined"/>
    public bool Rejoined { get; } = rejoined;

    /// <inheritdoc cref="LogRecord.NotHex"/>
    public TextInHexRow? NotHex { get; } = notHex;

    /// <summary>The bytes as an array that may be kept: the owner's, or a copy.</summary>
    public byte[] KeepData() => owner ?? Data.ToArray();

    /// <summary>A record that may be kept.</summary>
    public LogRecord ToRecord() => new(Line, File, Time, SinceStart, Direction, KeepData()) { SpansLines = SpansLines, StampNotATime = StampNotATime, Rejoined = Rejoined, NotHex = NotHex, TimeInherited = TimeInherited };
}

/// <summary>Takes the records of a log one at a time, as a reader lends them (<see cref="LogSource.Read(IRecordSink)"/>).</summary>
public interface IRecordSink
{
    void Add(in RecordView record);
}
