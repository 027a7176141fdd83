using Conformance.Protocol.Streams;

namespace Conformance.Emulator.Endpoints;

/// <summary>
/// A new Linux pseudo-terminal whose module side is a <see cref="Stream"/>: put any byte-level module (a test
/// double, a recorded device) behind a real <c>/dev/pts/N</c> that hosts open as a serial port.
/// </summary>
public sealed class PtyStream : DuplexStream
{
    private const int PollMs = 50;
    private readonly PseudoTerminal _terminal;
    private int _disposed;

    private PtyStream(PseudoTerminal terminal) => _terminal = terminal;

    /// <summary>The device a host opens, e.g. <c>/dev/pts/7</c>.</summary>
    public string Path => _terminal.SlavePath;

    /// <summary>Opens a pseudo-terminal; throws <see cref="PlatformNotSupportedException"/> off Linux.</summary>
    public static PtyStream Open() => new(PseudoTerminal.Open());

    /// <summary>Waits for host bytes; 0 once disposed.</summary>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty) return 0;
        // Short polls on a pool thread, so cancellation and Dispose are noticed without closing the fd under a read.
        return await Task.Run(() =>
        {
            try
            {
                while (Volatile.Read(ref _disposed) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var read = _terminal.Read(buffer.Span, PollMs);
                    if (read > 0) return read;
                }
            }
            catch (IOException) when (Volatile.Read(ref _disposed) != 0)
            {
                // Closed under the poll: the end of the stream.
            }
            return 0;
        }, cancellationToken);
    }

    /// <summary>Writes module bytes; what does not fit because nobody reads the port is dropped, as on a UART.</summary>
    public override void Write(byte[] buffer, int offset, int count) => _terminal.Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer) => _terminal.Write(buffer);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _terminal.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0) _terminal.Dispose();
        base.Dispose(disposing);
    }
}
