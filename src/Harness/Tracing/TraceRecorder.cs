using System.Globalization;
using Conformance.Protocol.Tracing;

namespace Conformance.Harness.Tracing;

/// <summary>
/// Writes a <c>conformance-trace 1</c> (docs/trace-format.md): every byte sent and received, timestamped,
/// secrets masked, plus the harness's own events. Thread-safe: the reader and the writer share it.
/// </summary>
public sealed class TraceRecorder : IDisposable
{
    private readonly TextWriter _writer;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly List<TraceRecord> _records = [];

    /// <summary>Lines written so far, header included: the next record's line number is this plus one.</summary>
    public int LineCount { get; private set; }

    public SecretMask Secrets { get; }

    /// <summary>The records written so far, as written (masked).</summary>
    public IReadOnlyList<TraceRecord> Records { get { lock (_gate) return [.. _records]; } }

    public TraceRecorder(TextWriter writer, TimeProvider time, string target, SecretMask secrets, string? dialect = null)
    {
        _writer = writer;
        _time = time;
        Secrets = secrets;
        WriteLine(TraceFormat.Magic);
        WriteLine(TraceFormat.FormatHeader("target", target));
        if (dialect is not null) WriteLine(TraceFormat.FormatHeader("dialect", dialect));
        WriteLine(TraceFormat.FormatHeader("started", time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)));
        if (time is Timing.VirtualClock) WriteLine(TraceFormat.FormatHeader("clock", "virtual"));
        WriteLine(TraceFormat.FormatHeader("tool", $"conformance {typeof(TraceRecorder).Assembly.GetName().Version?.ToString(3)}"));
        WriteLine(TraceFormat.FormatHeader("secrets", secrets.IsEmpty ? "shown" : "masked"));
        _writer.Flush();
    }

    /// <summary>Records bytes the host sent; returns the record's line number.</summary>
    public int Sent(ReadOnlySpan<byte> data) => Append(TraceDirection.ToModule, data);

    /// <summary>
    /// Records bytes the module sent, one record per line so the trace reads line by line. Returns, per record,
    /// the offset just past its bytes within <paramref name="data"/> and its line number.
    /// </summary>
    public IReadOnlyList<(int End, int Line)> Received(ReadOnlySpan<byte> data)
    {
        var records = new List<(int, int)>();
        var start = 0;
        while (start < data.Length)
        {
            var rest = data[start..];
            var end = rest.IndexOfAny((byte)'\r', (byte)'\n');
            if (end < 0) end = rest.Length;
            else
            {
                // Keep a line end together: \r\n, \r\r\n and \n\r count as one cut.
                while (end + 1 < rest.Length && rest[end + 1] is (byte)'\r' or (byte)'\n') end++;
                end++;
            }
            records.Add((start + end, Append(TraceDirection.FromModule, rest[..end])));
            start += end;
        }
        return records;
    }

    /// <summary>Records an event of the harness (scenario started, link closed, error).</summary>
    public int Event(string text) => Append(TraceDirection.Event, System.Text.Encoding.UTF8.GetBytes(text));

    private int Append(TraceDirection direction, ReadOnlySpan<byte> data)
    {
        var record = new TraceRecord(_time.GetUtcNow(), direction, Secrets.Apply(data));
        lock (_gate)
        {
            _records.Add(record);
            WriteLine(TraceFormat.Format(record));
            _writer.Flush();
            return LineCount;
        }
    }

    private void WriteLine(string line)
    {
        _writer.Write(line);
        _writer.Write('\n');
        LineCount++;
    }

    public void Dispose()
    {
        lock (_gate) _writer.Dispose();
    }
}
