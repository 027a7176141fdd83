namespace Conformance.Analyzer.Readers;

/// <summary>
/// A read-only stream whose first bytes can be looked at before they are read, so a pipe (standard input,
/// a gzip stream) can be sniffed and sampled and then read once from its start.
/// </summary>
internal sealed class PeekStream(Stream inner) : Stream
{
    private byte[] peeked = [];
    private int peekedCount;
    private int position; // read position inside the peeked bytes

    /// <summary>Up to <paramref name="count"/> bytes from the current position, without consuming them (fewer at the end).</summary>
    public ReadOnlySpan<byte> Peek(int count)
    {
        if (peekedCount - position < count)
        {
            var grown = new byte[count];
            peeked.AsSpan(position, peekedCount - position).CopyTo(grown);
            (peeked, peekedCount, position) = (grown, peekedCount - position, 0);
            while (peekedCount < count)
            {
                var n = inner.Read(peeked, peekedCount, count - peekedCount);
                if (n == 0) break;
                peekedCount += n;
            }
        }
        return peeked.AsSpan(position, Math.Min(count, peekedCount - position));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (position < peekedCount)
        {
            var n = Math.Min(buffer.Length, peekedCount - position);
            peeked.AsSpan(position, n).CopyTo(buffer);
            position += n;
            if (position == peekedCount) (peeked, peekedCount, position) = ([], 0, 0);
            return n;
        }
        return inner.Read(buffer);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
