using Conformance.Protocol.Streams;
using System.Threading.Channels;

namespace Conformance.Harness.Mutation;

/// <summary>
/// The in-process module's stream with a <see cref="LineFilter"/> in between: host bytes go through unchanged
/// (the filter sees each command line first), module lines come out as the filter says. It relies only on the
/// module's framing, <c>\r\n&lt;text&gt;\r\n</c> per line, handed over one read at a time; anything else (an echo)
/// passes as it is.
/// </summary>
public sealed class MutantStream : DuplexStream
{
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();

    private readonly Stream _inner;
    private readonly LineFilter _filter;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Channel<byte[]> _out = Channel.CreateUnbounded<byte[]>();   // counts its items, which Holding needs
    private readonly List<ITimer> _timers = [];
    private readonly List<byte> _command = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Output _output;
    private ReadOnlyMemory<byte> _rest;
    private volatile bool _handing;

    public MutantStream(Stream inner, LineFilter filter, TimeProvider time)
    {
        _inner = inner;
        _filter = filter;
        _time = time;
        _output = new Output(this);
        _ = Task.Run(PumpAsync);
    }

    /// <summary>
    /// Lines are waiting for the harness, or it has not yet come back for more after the last read: a clock that
    /// stands still while the harness has output to handle must count this.
    /// </summary>
    public bool Holding => _handing || !_rest.IsEmpty || _out.Reader.Count > 0;

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        SeeCommands(buffer);
        _inner.Write(buffer);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        SeeCommands(buffer.Span);
        await _inner.WriteAsync(buffer, cancellationToken);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _handing = false;
        if (buffer.IsEmpty) return 0;
        if (_rest.IsEmpty)
        {
            try { _rest = await _out.Reader.ReadAsync(cancellationToken); }
            catch (ChannelClosedException) { return 0; }
        }
        var count = Math.Min(buffer.Length, _rest.Length);
        _rest[..count].CopyTo(buffer);
        _rest = _rest[count..];
        _handing = true;
        return count;
    }

    public override void Flush() => _inner.Flush();

    // The host ends a command with CR, LF or both.
    private void SeeCommands(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            foreach (var b in bytes)
            {
                if (b is (byte)'\r' or (byte)'\n')
                {
                    if (_command.Count > 0) _filter.OnCommand(LineFilter.Bytes.GetString([.. _command]));
                    _command.Clear();
                }
                else _command.Add(b);
            }
        }
    }

    private async Task PumpAsync()
    {
        var buffer = new byte[1 << 16];
        try
        {
            while (true)
            {
                var n = await _inner.ReadAsync(buffer, _stop.Token);
                if (n == 0) break;
                lock (_gate) Filter(buffer.AsSpan(0, n));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The link is going away; the reader sees the end of the stream.
        }
        _out.Writer.TryComplete();
    }

    private void Filter(ReadOnlySpan<byte> chunk)
    {
        if (!chunk.StartsWith(LineEnd) || !chunk.EndsWith(LineEnd) || chunk.Length < 4)
        {
            _out.Writer.TryWrite(chunk.ToArray());
            return;
        }
        // "\r\nA\r\n\r\nB\r\n": lines meet at an empty line end; a line's own "\r\n" (in a message) stays inside it.
        var text = LineFilter.Bytes.GetString(chunk[2..^2]);
        foreach (var line in text.Split("\r\n\r\n")) _filter.OnLine(line, _output);
    }

    private void Send(string text) => _out.Writer.TryWrite([.. LineEnd, .. LineFilter.Bytes.GetBytes(text), .. LineEnd]);

    private sealed class Output(MutantStream stream) : ILineOutput
    {
        public void Line(string text) => stream.Send(text);

        public void Later(string text, TimeSpan delay)
        {
            lock (stream._gate) stream._timers.Add(stream._time.CreateTimer(_ => stream.Send(text), null, delay, Timeout.InfiniteTimeSpan));
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Cancel();
            lock (_gate) foreach (var timer in _timers) timer.Dispose();
            _out.Writer.TryComplete();
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
