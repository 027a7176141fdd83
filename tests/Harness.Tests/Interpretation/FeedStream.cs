using System.Threading.Channels;

namespace Conformance.Harness.Tests.Interpretation;

/// <summary>
/// A link whose module output the test pushes chunk by chunk; what the host writes is dropped. <see cref="PushAsync"/>
/// returns once the session asked for more, so every byte pushed before has been read into events.
/// </summary>
internal sealed class FeedStream : Stream
{
    private readonly Channel<byte[]> _chunks = Channel.CreateUnbounded<byte[]>();
    private TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private byte[] _current = [];
    private int _position;

    public async Task PushAsync(byte[] bytes)
    {
        if (bytes.Length == 0) return;
        var drained = _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _chunks.Writer.WriteAsync(bytes);
        await drained.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position == _current.Length)
        {
            if (!_chunks.Reader.TryRead(out var next))
            {
                _drained.TrySetResult();
                next = await _chunks.Reader.ReadAsync(cancellationToken);
            }
            (_current, _position) = (next, 0);
        }
        var n = Math.Min(buffer.Length, _current.Length - _position);
        _current.AsMemory(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
    public override void Write(byte[] buffer, int offset, int count) { }
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    public override void Flush() { }
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
