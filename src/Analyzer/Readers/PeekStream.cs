namespace Conformance.Analyzer.Readers;

/// <summary>
/// A read-only stream whose first bytes can be looked at before they are read, so a pipe (standard input,
/// a gzip stream) can be sniffed and sampled and then read once from its start.
/// </summary>
internal sealed class PeekStream(Stream inner) : ReadOnlyWrapper(inner)
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
                var n = Inner.Read(peeked, peekedCount, count - peekedCount);
                if (n == 0) break;
                peekedCount += n;
            }
        }
        return peeked.AsSpan(position, Math.Min(count, peekedCount - position));
    }

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
        return Inner.Read(buffer);
    }
}
