using Conformance.Harness.Tracing;
using Conformance.Protocol.Secrets;
using Conformance.Protocol.Tracing;

namespace Conformance.Tap;

/// <summary>
/// The tap's trace file (docs/trace-format.md), rotated by size: once <c>LOG</c> reaches the limit it becomes
/// <c>LOG.1</c> (an older <c>LOG.1</c> becomes <c>LOG.2</c>, and so on) and a new <c>LOG</c> starts with its own header,
/// the naming <c>conformance analyze LOG</c> reads back as one log. One secret policy spans all files, so a secret
/// learned before a rotation stays masked after it. Each record carries the time its bytes were read.
/// </summary>
public sealed class TraceRotation : IDisposable
{
    private readonly string _path;
    private readonly long? _limit;
    private readonly string _target;
    private readonly SecretMasker _secrets;
    private readonly ReadTimeClock _clock = new();
    private FileStream _file = null!;
    private TraceRecorder _recorder = null!;

    /// <summary>Creates <paramref name="path"/> (replacing a file there) and writes its header.</summary>
    /// <param name="limit">Rotate once the file holds this many bytes; null never rotates.</param>
    public TraceRotation(string path, long? limit, string target, SecretMasker secrets, DateTimeOffset started)
    {
        _path = System.IO.Path.GetFullPath(path);
        _limit = limit;
        _target = target;
        _secrets = secrets;
        Start(started);
    }

    /// <summary>The file being written (the newest part of the log).</summary>
    public string Path => _path;

    /// <summary>How many times the trace was rotated: the files are <c>LOG</c> and <c>LOG.1</c> … <c>LOG.N</c>.</summary>
    public int Rotations { get; private set; }

    /// <summary>Why writing the trace stopped (disk full), or null while every record was written.</summary>
    public string? WriteError => _recorder.WriteError;

    /// <summary>
    /// Records bytes of one side as read at <paramref name="time"/>; returns each record written with its line in
    /// <see cref="Path"/> (the module's bytes are cut after each line end, as in every trace).
    /// </summary>
    public IReadOnlyList<(long Line, byte[] Data)> Write(TraceDirection direction, DateTimeOffset time, byte[] data)
    {
        if (_limit is { } limit && _file.Length >= limit) Rotate(time);
        _clock.Now = time;
        if (direction == TraceDirection.ToModule) return [(_recorder.Sent(data), data)];
        var records = new List<(long, byte[])>();
        var start = 0;
        foreach (var (end, line) in _recorder.Received(data))
        {
            records.Add((line, data[start..end]));
            start = end;
        }
        return records;
    }

    /// <summary>Records an event of the tap (started, a port closed); masked like everything else.</summary>
    public void Event(DateTimeOffset time, string text)
    {
        _clock.Now = time;
        _recorder.Event(text);
    }

    private void Start(DateTimeOffset time)
    {
        _clock.Now = time;
        _file = new FileStream(_path, FileMode.Create, FileAccess.Write, FileShare.Read);
        _recorder = new TraceRecorder(new StreamWriter(_file, new System.Text.UTF8Encoding(false)), _clock, _target, _secrets) { KeepsRecords = false };
    }

    private void Rotate(DateTimeOffset time)
    {
        _recorder.Dispose();
        var oldest = Rotations;
        for (var n = oldest; n >= 1; n--) File.Move($"{_path}.{n}", $"{_path}.{n + 1}", overwrite: true);
        File.Move(_path, _path + ".1", overwrite: true);
        Rotations++;
        Start(time);
    }

    public void Dispose() => _recorder.Dispose();

    /// <summary>Gives the recorder the time the bytes were read, not the time they are written down.</summary>
    private sealed class ReadTimeClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
