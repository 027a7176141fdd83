namespace Conformance.Analyzer.Readers;

/// <summary>
/// A cell of a structured log that writes bytes in hex, as serial tools and scripts write them: pairs with spaces
/// (<c>41 54 0D 0A</c>), run together (<c>41540D0A</c>, Python's <c>bytes.hex()</c>), with <c>0x</c> (<c>0x41 0x54</c>),
/// or parted by dashes, colons or commas (<c>41-54-0D-0A</c>, .NET's <c>BitConverter</c>).
/// </summary>
internal static class HexCell
{
    /// <summary>The bytes the cell writes; null when it is not hex pairs throughout.</summary>
    public static byte[]? Bytes(ReadOnlySpan<char> cell) => Read(cell, out _);

    /// <summary>
    /// What keeps the cell from being hex pairs, in words that quote none of it (<c>character 2 is no hex digit</c>,
    /// <c>it has an odd number of hex digits</c>): the cell may hold a secret. Null when it is hex, or empty.
    /// </summary>
    public static string? Fault(ReadOnlySpan<char> cell)
    {
        Read(cell, out var fault);
        return fault;
    }

    private static byte[]? Read(ReadOnlySpan<char> cell, out string? fault)
    {
        fault = null;
        cell = cell.Trim();
        if (cell.IsEmpty) return null;
        var bytes = new List<byte>(cell.Length / 2);
        foreach (var range in cell.SplitAny(" \t-:,"))
        {
            var token = cell[range];
            if (token.IsEmpty) continue;
            var start = range.Start.Value;
            if (token.Length > 2 && token[0] == '0' && token[1] is 'x' or 'X')
            {
                token = token[2..];
                start += 2;
            }
            if (token.IndexOfAnyExcept(HexDigits) is var bad and >= 0)
            {
                fault = $"character {start + bad + 1} is no hex digit";
                return null;
            }
            if (token.Length % 2 != 0)
            {
                fault = "it has an odd number of hex digits";
                return null;
            }
            for (var i = 0; i < token.Length; i += 2) bytes.Add((byte)(Digit(token[i]) << 4 | Digit(token[i + 1])));
        }
        return bytes.Count > 0 ? [.. bytes] : null;
    }

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    private static int Digit(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
