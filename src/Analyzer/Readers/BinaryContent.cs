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
            foreach (var b in line)
            {
                if (IsControl(b)) { binaryLines++; break; }
            }
        }
        return lines > 0 && binaryLines * 2 > lines;
    }

    // Tab, backspace, bell, form feed, vertical tab and escape (colours) do occur in terminal logs.
    private static bool IsControl(byte b) => (b < 0x20 && b is not ((byte)'\t' or 0x08 or 0x07 or 0x0C or 0x0B or 0x1B)) || b == 0x7F;
}
