namespace Conformance.Analyzer.Readers;

/// <summary>A read-only stream that reports every count of bytes read from the stream it wraps (read progress).</summary>
internal sealed class CountingStream(Stream inner, Action<int> counted) : ReadOnlyWrapper(inner)
{
    public override int Read(Span<byte> buffer)
    {
        var n = Inner.Read(buffer);
        counted(n);
        return n;
    }

    public override long Length => Inner.Length;
}
