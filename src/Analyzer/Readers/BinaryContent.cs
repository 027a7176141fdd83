namespace Conformance.Analyzer.Readers;

/// <summary>
/// Tells binary data from a text log by its first bytes: in binary data most lines hold control bytes no
/// terminal writes. A raw capture's power-up noise (a few NUL or 0xFF bytes before the traffic) stays text.
/// </summary>
internal static class BinaryContent
{
    /// <summary>True when more than half the non-empty lines of the sample hold such a control byte.</summary>
    public static bool Looks(ReadOnlySpan<byte> sample)
    {
        int lines = 0, binaryLines = 0;
        while (!sample.IsEmpty)
        {
            var end = sample.IndexOfAny((byte)'\r', (byte)'\n');
            var line = end < 0 ? sample : sample[..end];
            sample = end < 0 ? [] : sample[(end + 1)..];
            if (line.IsEmpty) continue;
            lines++;
            if (line.ContainsAny(Controls)) binaryLines++;
        }
        return lines > 0 && binaryLines * 2 > lines;
    }

    // The control bytes of binary data: tab, backspace, bell, form feed, vertical tab and escape (colours) do occur in terminal logs.
    private static readonly System.Buffers.SearchValues<byte> Controls = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(b => b is not ('\t' or 0x08 or 0x07 or 0x0C or 0x0B or 0x1B)).Select(b => (byte)b), 0x7F]);
}
