namespace Conformance.Analyzer.Readers;

/// <summary>
/// A live input (a growing file, a port) read until it ends, is stopped, or stays silent for the idle limit; a read
/// may also give up after a shorter wait without losing the read it started, so detection can settle on what came.
/// </summary>
internal sealed class FollowedStream(Stream inner, TimeSpan? idleExit, CancellationToken stop) : ReadOnlyWrapper(inner)
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(1);
    private readonly byte[] _buffer = new byte[64 * 1024];
    private Task<int>? _pending;
    private ReadOnlyMemory<byte> _left;
    private bool _ended;

    /// <summary>Why the input ended when a read failed (a port unplugged); null otherwise.</summary>
    public string? Failure { get; private set; }

    /// <summary>True when the input ended by staying silent for the idle limit.</summary>
    public bool Idled { get; private set; }

    /// <summary>Bytes read so far; the first ones given back before any new read.</summary>
    public void PutBack(ReadOnlyMemory<byte> bytes) => _left = bytes;

    public override int Read(Span<byte> buffer) => Read(buffer, null);

    /// <summary>Bytes as they come; 0 at the end; -1 when <paramref name="wait"/> passed with none (the read stays pending).</summary>
    public int Read(Span<byte> buffer, TimeSpan? wait)
    {
        if (!_left.IsEmpty)
        {
            var n = Math.Min(buffer.Length, _left.Length);
            _left.Span[..n].CopyTo(buffer);
            _left = _left[n..];
            return n;
        }
        if (_ended || buffer.IsEmpty) return 0;
        _pending ??= Inner.ReadAsync(_buffer, stop).AsTask();
        var limit = wait ?? idleExit ?? Timeout.InfiniteTimeSpan;
        try
        {
            if (!_pending.Wait(limit, stop))
            {
                if (wait is not null) return -1;
                Idled = true;
                return End();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: bytes already on their way (the rest of a file) still count; a port that will not give up its read does not hold the end.
            if (!Finished(Drain)) return End();
        }
        catch (AggregateException e)
        {
            if (!stop.IsCancellationRequested) Failure = e.InnerException?.Message;
            return End();
        }
        if (!_pending.IsCompletedSuccessfully) return End();
        var read = _pending.Result;
        _pending = null;
        if (read == 0) return End();
        _left = _buffer.AsMemory(0, read);
        return Read(buffer, wait);
    }

    private bool Finished(TimeSpan wait)
    {
        try { return _pending!.Wait(wait); }
        catch (AggregateException) { return false; }
    }

    private int End()
    {
        _ended = true;
        return 0;
    }
}
