using System.Text;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// A program's or a terminal's print of a buffer: C's escapes (<c>"AT+CSQ\r\n"</c>, <c>b'\r\nOK\r\n'</c>, <see cref="CEscapes"/>)
/// or control characters by name or picture (<c>AT+CSQ&lt;CR&gt;&lt;LF&gt;</c>, <c>OK␍␊</c>, <see cref="ControlNames"/>), its line
/// ends shown: the data is the bytes it stands for.
/// </summary>
internal static class PrintedData
{
    /// <summary>The bytes <paramref name="data"/> stands for; null for data written as text.</summary>
    public static byte[]? Of(string data) => CEscapes.PrintedBuffer(data) ?? ControlNames.PrintedBuffer(data);

    /// <summary>
    /// True when <paramref name="text"/> may end as a print does (<c>\n</c>, <c>\r'</c>, <c>&lt;LF&gt;</c>, <c>[CR]</c>, <c>␊</c>): only
    /// such a line is decoded to be asked, so a line of text costs no string.
    /// </summary>
    public static bool MayBe(ReadOnlySpan<byte> text)
    {
        if (text.Length > 0 && text[^1] is (byte)'\'' or (byte)'"') text = text[..^1];
        if (text.Length < 2) return false;
        if (text[^2] == '\\' && text[^1] is (byte)'r' or (byte)'n') return true;
        // ␍ and ␊ (U+240D, U+240A) in UTF-8.
        if (text.Length >= 3 && text[^3] == 0xE2 && text[^2] == 0x90 && text[^1] is 0x8D or 0x8A) return true;
        return text.Length >= 4 && text[^1] is (byte)'>' or (byte)']' or (byte)'}'
            && (Ascii.EqualsIgnoreCase(text[^3..^1], "CR"u8) || Ascii.EqualsIgnoreCase(text[^3..^1], "LF"u8));
    }
}
