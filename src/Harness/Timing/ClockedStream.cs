using Conformance.Protocol.Streams;

namespace Conformance.Harness.Timing;

/// <summary>
/// The module's side of an in-process link, counted for the virtual clock: bytes the module produced that the
/// session has not yet read and handled keep the clock still, so no deadline passes over an answer already given.
/// </summary>
/// <remarks>A read's bytes count as handled when the session asks for more: it reads again only after handling them.</remarks>
internal sealed class ClockedStream : DuplexStream
{
    private readonly Stream _inner;
    private readonly VirtualClock _clock;
    private long _produced;
    private long _handled;
    private int _lastRead;
    private volatile bool _closed;

    /// <param name="clock">The clock to keep still.</param>
    /// <param name="open">Opens the module's stream, given what to call with the count of each chunk the module writes.</param>
    public ClockedStream(VirtualClock clock, Func<Action<int>, Stream> open)
    {
        _clock = clock;
        clock.Watch(() => !_closed && Interlocked.Read(ref _produced) > Interlocked.Read(ref _handled));
        _inner = open(Produced);
    }

    private void Produced(int count)
    {
        Interlocked.Add(ref _produced, count);
        _clock.Activity();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref _handled, _lastRead);
        _lastRead = 0;
        _clock.Activity();
        var n = await _inner.ReadAsync(buffer, cancellationToken);
        _lastRead = n;
        return n;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _clock.Activity();
        return _inner.WriteAsync(buffer, cancellationToken);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        _clock.Activity();
        _inner.Write(buffer, offset, count);
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override void Flush() => _inner.Flush();

    protected override void Dispose(bool disposing)
    {
        _closed = true;
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        _closed = true;
        await _inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
