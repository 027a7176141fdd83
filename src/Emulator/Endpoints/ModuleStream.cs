using Conformance.Emulator.Modem;
using Conformance.Protocol.Streams;
using System.Threading.Channels;

namespace Conformance.Emulator.Endpoints;

/// <summary>
/// The in-process endpoint: a duplex <see cref="Stream"/> on a <see cref="VirtualModule"/> that a host reads and
/// writes exactly like a serial port. Writes are host bytes, assembled into lines of this stream's own; reads
/// return module bytes written since it opened. A reader that falls more than
/// <see cref="EmulatorOptions.MaxUnreadOutput"/> bytes behind is cut off: its next read throws
/// <see cref="IOException"/>, and the queued output is freed.
/// </summary>
public sealed class ModuleStream : DuplexStream
{
    private readonly VirtualModule _module;
    private readonly LineAssembler _line;
    private readonly Channel<byte[]> _received = Channel.CreateUnbounded<byte[]>();
    private ReadOnlyMemory<byte> _rest;
    // Never disposed: it has no timer, and a late cancel must not race a dispose.
    private readonly CancellationTokenSource _cut = new();
    private long _unread;
    private int _overrun;

    public ModuleStream(VirtualModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        _module = module;
        _line = module.NewLine();
        _module.OutputWritten += OnOutput;
    }

    /// <summary>True once the reader fell too far behind and was cut off.</summary>
    public bool Overrun => Volatile.Read(ref _overrun) != 0;

    /// <summary>Cancelled when the reader is cut off, so a bridge blocked writing to a stalled client can stop.</summary>
    internal CancellationToken CutOff => _cut.Token;

    public override void Write(ReadOnlySpan<byte> buffer) => _module.Write(buffer, _line);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _module.Write(buffer.Span, _line);
        return ValueTask.CompletedTask;
    }

    /// <summary>Waits for module bytes; 0 once the stream is disposed; <see cref="IOException"/> once overrun.</summary>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty) return 0;
        if (_rest.IsEmpty)
        {
            try { _rest = await _received.Reader.ReadAsync(cancellationToken); }
            catch (ChannelClosedException e) when (e.InnerException is IOException overrun) { throw new IOException(overrun.Message, overrun); }
            catch (ChannelClosedException) { return 0; }
            Interlocked.Add(ref _unread, -_rest.Length);
        }
        var count = Math.Min(buffer.Length, _rest.Length);
        _rest[..count].CopyTo(buffer);
        _rest = _rest[count..];
        return count;
    }

    private void OnOutput(object? sender, byte[] bytes)
    {
        if (Overrun) return;
        if (Interlocked.Add(ref _unread, bytes.Length) <= _module.Options.MaxUnreadOutput)
        {
            _received.Writer.TryWrite(bytes);
            return;
        }
        // Too far behind: stop queueing, free what is queued, and tell the reader why at its next read.
        Volatile.Write(ref _overrun, 1);
        _module.OutputWritten -= OnOutput;
        _received.Writer.TryComplete(new IOException(
            $"the host left more than {_module.Options.MaxUnreadOutput} bytes of module output unread; the connection is cut"));
        while (_received.Reader.TryRead(out _)) { }
        // Off the module's lock: cancellation callbacks run other code.
        ThreadPool.QueueUserWorkItem(static cut => cut.Cancel(), _cut, preferLocal: false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _module.OutputWritten -= OnOutput;
            _received.Writer.TryComplete();
        }
        base.Dispose(disposing);
    }
}
