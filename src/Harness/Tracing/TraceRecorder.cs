using System.Globalization;
using Conformance.Protocol.Secrets;
using Conformance.Protocol.Tracing;

namespace Conformance.Harness.Tracing;

/// <summary>
/// Writes a <c>conformance-trace 1</c> (docs/trace-format.md): every byte sent and received, timestamped,
/// secrets masked, plus the harness's own events. Thread-safe: the reader and the writer share it.
/// A failing output (disk full, file-size limit) never stops the run: the first error is kept in
/// <see cref="WriteError"/>, writing stops there, and <see cref="Records"/> still holds everything.
/// </summary>
public sealed class TraceRecorder : IDisposable
{
    private readonly TextWriter _writer;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly List<TraceRecord> _records = [];
    private readonly SecretStream _sent, _received;
    private DateTimeOffset _lastStamp;
    private long _lastTicks;

    /// <summary>Lines written so far, header included: the next record's line number is this plus one.</summary>
    public int LineCount { get; private set; }

    /// <summary>The run's secret policy: what the trace masks, and what reports of the run must mask too.</summary>
    public SecretMasker Secrets { get; }

    /// <summary>Why the trace output stopped (e.g. "No space left on device"), or null while every line was written.</summary>
    public string? WriteError { get; private set; }

    /// <summary>The records written so far, as written (masked); empty when <see cref="KeepsRecords"/> is false.</summary>
    public IReadOnlyList<TraceRecord> Records { get { lock (_gate) return [.. _records]; } }

    /// <summary>Whether <see cref="Records"/> keeps what was written; a recorder that runs for days (the tap) keeps only the file.</summary>
    public bool KeepsRecords { get; init; } = true;

    public TraceRecorder(TextWriter writer, TimeProvider time, string target, SecretMasker secrets, string? dialect = null)
    {
        _writer = writer;
        _time = time;
        Secrets = secrets;
        (_sent, _received) = (secrets.Stream(), secrets.Stream());
        WriteLine(TraceFormat.Magic);
        WriteLine(TraceFormat.FormatHeader("target", target));
        if (dialect is not null) WriteLine(TraceFormat.FormatHeader("dialect", dialect));
        (_lastStamp, _lastTicks) = (time.GetUtcNow(), time.GetTimestamp());
        WriteLine(TraceFormat.FormatHeader("started", _lastStamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)));
        if (time is Timing.VirtualClock) WriteLine(TraceFormat.FormatHeader("clock", "virtual"));
        WriteLine(TraceFormat.FormatHeader("tool", $"conformance {typeof(TraceRecorder).Assembly.GetName().Version?.ToString(3)}"));
        WriteLine(TraceFormat.FormatHeader("secrets", secrets.Shows ? "shown" : "masked"));
        Flush();
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
    public int Event(string text) => Append(TraceDirection.Event, System.Text.Encoding.UTF8.GetBytes(Secrets.Mask(text)));

    private int Append(TraceDirection direction, ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            // Masked in order, under the lock: a secret split across two reads is recognised in both.
            var masked = direction switch
            {
                TraceDirection.ToModule => _sent.Mask(data),
                TraceDirection.FromModule => _received.Mask(data),
                _ => data.ToArray(),
            };
            // Bytes held back while a possible secret is completed leave nothing to write yet: no empty record.
            if (masked.Length == 0 && direction != TraceDirection.Event) return LineCount;
            var record = new TraceRecord(Stamp(), direction, masked);
            if (KeepsRecords) _records.Add(record);
            WriteLine(TraceFormat.Format(record));
            Flush();
            return LineCount;
        }
    }

    // The wall clock, but never back: when it is set back (NTP, a user) stamps go on by the monotonic clock, so every
    // latency read from the trace stays true and a replay at recorded timing keeps its order. Under the lock.
    private DateTimeOffset Stamp()
    {
        var ticks = _time.GetTimestamp();
        var steady = _lastStamp + _time.GetElapsedTime(_lastTicks, ticks);
        var now = _time.GetUtcNow();
        (_lastStamp, _lastTicks) = (now > steady ? now : steady, ticks);
        return _lastStamp;
    }

    private void WriteLine(string line)
    {
        LineCount++;
        Output(() =>
        {
            _writer.Write(line);
            _writer.Write('\n');
        });
    }

    private void Flush() => Output(_writer.Flush);

    /// <summary>Writes unless an earlier write failed; the first failure is kept, not thrown into the run.</summary>
    private void Output(Action write)
    {
        if (WriteError is not null) return;
        try { write(); }
        catch (IOException e) { WriteError = e.Message; }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            try { _writer.Dispose(); }
            catch (IOException e) { WriteError ??= e.Message; }
        }
    }
}
