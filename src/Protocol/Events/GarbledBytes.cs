using System.Buffers;
using System.Text.Unicode;

namespace Conformance.Protocol.Events;

/// <summary>
/// How many bytes of a line of module output are not text: the measure by which <see cref="GarbledLines{TWhere}"/> tells a
/// line read at a baud rate other than the module's (or through noise on the wire) from a line of text.
/// </summary>
/// <remarks>
/// <para>A line is read as its text is decoded (<see cref="LineText"/>): valid UTF-8 as UTF-8, else as GBK. GBK
/// reads nearly any pair of high bytes as a character, so "decodes as GBK" says little: random bytes (what 57600
/// baud read at 115200 looks like: <c>E6 80 98 80 FE 98 9E 98</c>) are mostly valid GBK. What tells them apart is
/// <em>which</em> pairs they make. Text written in GBK by a Chinese tool or firmware is simplified Chinese, and
/// GB2312, the first part of GBK, holds all of it: its punctuation and symbols (lead byte 0xA1–0xA9) and its 6 763
/// characters (lead 0xB0–0xF7), every one with a trail byte of 0xA1–0xFE. Random bytes land there about one pair in
/// nine.</para>
/// <para>So a byte that is not text is: a control byte other than tab (C0, DEL), a high byte that starts no pair
/// (0x80, 0xFF, a lead without a valid trail), and one byte of each pair outside GB2312 (GBK's extension, the user
/// areas: valid, but rare in text and common in noise). Valid UTF-8 is text but for its control bytes.</para>
/// <para>A cost: a line of GBK's traditional or rare characters alone counts half its bytes; Chinese prose in
/// simplified characters counts none, Latin-1 text (<c>25°C</c>) a byte a word.</para>
/// </remarks>
public static class GarbledBytes
{
    // Control characters a line of text does not hold: C0 but tab, and DEL (line ends are not in a line).
    private static readonly SearchValues<char> ControlChars = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c != '\t').Select(c => (char)c), '\x7f']);

    /// <summary>The bytes of a line decoded as UTF-8 (its <paramref name="text"/>) that are not text: its control characters.</summary>
    public static int In(string text)
    {
        var span = text.AsSpan();
        var at = span.IndexOfAny(ControlChars);
        if (at < 0) return 0;   // nearly every line: one vectorised search
        var count = 0;
        for (; at >= 0; at = span.IndexOfAny(ControlChars))
        {
            count++;
            span = span[(at + 1)..];
        }
        return count;
    }

    /// <summary>The bytes of <paramref name="line"/> (no line end) that are not text, read as <see cref="LineText"/> decodes it.</summary>
    public static int In(ReadOnlySpan<byte> line)
    {
        if (Utf8.IsValid(line)) return Controls(line);
        var count = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var b = line[i];
            if (b is >= 0x20 and < 0x7F or (byte)'\t') continue;
            if (b < 0x80) { count++; continue; }
            if (b is 0x80 or 0xFF || i + 1 == line.Length || line[i + 1] is < 0x40 or 0x7F or 0xFF) { count++; continue; }
            // A pair of GBK: text where GB2312 has it, else one byte of the two counts.
            if (!InGb2312(b, line[i + 1])) count++;
            i++;
        }
        return count;
    }

    /// <summary>A GBK pair in GB2312's rows: symbols (lead 0xA1–0xA9) and characters (0xB0–0xF7), trail 0xA1–0xFE.</summary>
    private static bool InGb2312(byte lead, byte trail) => trail >= 0xA1 && lead is >= 0xA1 and <= 0xA9 or >= 0xB0 and <= 0xF7;

    private static int Controls(ReadOnlySpan<byte> line)
    {
        var count = 0;
        foreach (var b in line)
            if (b is < 0x20 and not (byte)'\t' or 0x7F) count++;
        return count;
    }

    /// <summary>ASCII letters and digits in <paramref name="text"/>: a line of the module has some.</summary>
    public static int Alphanumerics(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
            if (char.IsAsciiLetterOrDigit(c)) count++;
        return count;
    }
}
