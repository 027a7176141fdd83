using System.Threading.Channels;
using Conformance.Emulator.Modem;

namespace Conformance.Emulator.Endpoints;

/// <summary>
/// The in-process endpoint: a duplex <see cref="Stream"/> on a <see cref="VirtualModule"/> that a host reads and
/// writes exactly like a serial port. Writes are host bytes; reads return module bytes written since it opened.
/// </summary>
public sealed class ModuleStream : Stream
{
    private readonly VirtualModule _module;
    private readonly Channel<byte[]> _received = Channel.CreateUnbounded<byte[]>(new() { SingleReader = true });
    private ReadOnlyMemory<byte> _rest;

    public ModuleStream(VirtualModule module)
    {
        _module = module;
        _module.OutputWritten += OnOutput;
    }

    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer) => _module.Write(buffer);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _module.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Waits for module bytes; 0 once the stream is disposed.</summary>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty) return 0;
        if (_rest.IsEmpty)
        {
            try { _rest = await _received.Reader.ReadAsync(cancellationToken); }
            catch (ChannelClosedException) { return 0; }
        }
        var count = Math.Min(buffer.Length, _rest.Length);
        _rest[..count].CopyTo(buffer);
        _rest = _rest[count..];
        return count;
    }

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void OnOutput(object? sender, byte[] bytes) => _received.Writer.TryWrite(bytes);

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
