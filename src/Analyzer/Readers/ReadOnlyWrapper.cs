namespace Conformance.Analyzer.Readers;

/// <summary>
/// A forward-only, read-only stream over another one, which it disposes: what the input wrappers of the readers
/// (counting, peeking) have in common. They override only how bytes are read.
/// </summary>
internal abstract class ReadOnlyWrapper(Stream inner) : Stream
{
    protected Stream Inner => inner;

    /// <summary>The stream under every wrapper: the file itself, for a look that is not part of the reading (and not counted).</summary>
    public Stream Base => inner is ReadOnlyWrapper wrapper ? wrapper.Base : inner;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public abstract override int Read(Span<byte> buffer);

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
