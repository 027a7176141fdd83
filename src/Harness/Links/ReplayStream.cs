using System.Threading.Channels;
using Conformance.Harness.Timing;
using Conformance.Harness.Tracing;
using Conformance.Protocol.Secrets;
using Conformance.Protocol.Tracing;

namespace Conformance.Harness.Links;

/// <summary>
/// Plays the module's side of a trace: each host write must match the next <c>&gt;</c> record (masked the same
/// way), and releases the <c>&lt;</c> records up to the following <c>&gt;</c>, at recorded timing or at once
/// (on a <see cref="VirtualClock"/> always at recorded timing: it costs no wall time there).
/// </summary>
internal sealed class ReplayStream : Stream
{
    private readonly TraceFile _trace;
    private readonly string _name;
    private readonly LinkSettings _settings;
    private readonly SecretStream _sentMask;
    private readonly Channel<byte[]> _output = Channel.CreateUnbounded<byte[]>();
    private readonly CancellationTokenSource _closed = new();
    private int _next;   // index of the next record to play
    private byte[] _current = [];
    private int _currentOffset;

    private readonly Action<int>? _produced;
    private readonly TimeProvider _time;
    private readonly bool _recordedTiming;

    /// <param name="trace">The recording to play.</param>
    /// <param name="name">The file name, for messages.</param>
    /// <param name="settings">The clock, the secret mask and the timing asked for.</param>
    /// <param name="produced">Told the length of every record handed out, for a <see cref="ClockedStream"/>.</param>
    public ReplayStream(TraceFile trace, string name, LinkSettings settings, Action<int>? produced)
    {
        _trace = trace;
        _name = name;
        _settings = settings;
        _produced = produced;
        var clock = settings.Time as VirtualClock;
        _time = clock?.Background ?? settings.Time;
        _recordedTiming = clock is not null || !settings.ReplayAsFastAsPossible;
        _sentMask = settings.Secrets.Stream();
        Release(null);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var sent = _sentMask.Mask(buffer);
        var records = _trace.Records;
        while (_next < records.Count && records[_next].Record.Direction == TraceDirection.Event) _next++;
        if (_next >= records.Count && _trace.CutShort is { } cut)
            throw new ReplayEndedException($"{_name}: the trace ended, cut short in its line {cut} (a run killed while writing it), before the host sent '{TraceEscaping.Escape(sent)}'");
        if (_next >= records.Count && !_trace.RunEnded)
            throw new ReplayEndedException($"{_name}: the trace ended without its run's end (the run was killed, or the power failed), before the host sent '{TraceEscaping.Escape(sent)}'");
        if (_next >= records.Count)
            throw new ReplayDivergenceException($"{_name}: the trace ended, but the host sent '{TraceEscaping.Escape(sent)}'");
        var line = records[_next];
        if (line.Record.Direction != TraceDirection.ToModule || !line.Record.Data.AsSpan().SequenceEqual(sent))
            throw new ReplayDivergenceException(
                $"{_name}:{line.Number}: the host sent '{TraceEscaping.Escape(sent)}' but the trace has {Describe(line.Record)}");
        _next++;
        Release(line.Record.Time);
    }

    private static string Describe(TraceRecord record) => record.Direction == TraceDirection.ToModule
        ? $"'{TraceEscaping.Escape(record.Data)}'"
        : $"the module's '{TraceEscaping.Escape(record.Data)}' still to come";

    // Hands out the module's records up to the next host record, waiting the recorded gaps unless told not to.
    private void Release(DateTimeOffset? after)
    {
        var batch = new List<TraceRecord>();
        while (_next < _trace.Records.Count && _trace.Records[_next].Record.Direction != TraceDirection.ToModule)
        {
            var record = _trace.Records[_next++].Record;
            if (record.Direction == TraceDirection.FromModule) batch.Add(record);
        }
        if (!_recordedTiming || after is null)
        {
            foreach (var record in batch) Hand(record.Data);
            return;
        }
        _ = PlayAsync(batch, after.Value);
    }

    private async Task PlayAsync(List<TraceRecord> batch, DateTimeOffset previous)
    {
        try
        {
            foreach (var record in batch)
            {
                var gap = record.Time - previous;
                if (gap > TimeSpan.Zero) await Task.Delay(gap, _time, _closed.Token);
                previous = record.Time;
                Hand(record.Data);
            }
        }
        catch (OperationCanceledException)
        {
            // Closed while playing: nothing more to deliver.
        }
    }

    private void Hand(byte[] data)
    {
        // An empty record (a hand-edited trace, or bytes the recorder held back as a possible secret) carries nothing;
        // handed out, its read of 0 bytes would look like the module closing the link.
        if (data.Length == 0) return;
        _produced?.Invoke(data.Length);
        _output.Writer.TryWrite(data);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_currentOffset >= _current.Length)
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
            try
            {
                _current = await _output.Reader.ReadAsync(both.Token);
            }
            catch (OperationCanceledException) when (_closed.IsCancellationRequested)
            {
                return 0;
            }
            _currentOffset = 0;
        }
        var n = Math.Min(buffer.Length, _current.Length - _currentOffset);
        _current.AsMemory(_currentOffset, n).CopyTo(buffer);
        _currentOffset += n;
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_closed.IsCancellationRequested) _closed.Cancel();
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
