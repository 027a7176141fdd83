using System.Globalization;
using System.Text;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// C's escapes, as strace, Python's repr and an MCU's debug print write a buffer: <c>\r \n \t \v \f \" \' \\</c>, octal
/// (<c>\33</c>, <c>\0</c>) and hex (<c>\x1b</c>). An unknown escape stays as written; other characters are their UTF-8 bytes.
/// </summary>
internal static class CEscapes
{
    public static byte[] Decode(ReadOnlySpan<char> text)
    {
        var bytes = new List<byte>(text.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                var count = i + 1 < text.Length && char.IsSurrogatePair(text[i], text[i + 1]) ? 2 : 1;
                bytes.AddRange(utf8[..Encoding.UTF8.GetBytes(text.Slice(i, count), utf8)]);
                i += count - 1;
                continue;
            }
            var next = text[++i];
            if (next is >= '0' and <= '7')
            {
                var end = i;
                while (end < text.Length && end < i + 3 && text[end] is >= '0' and <= '7') end++;
                bytes.Add((byte)Convert.ToInt32(text[i..end].ToString(), 8));
                i = end - 1;
            }
            else if (next == 'x' && i + 2 < text.Length && byte.TryParse(text.Slice(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
            {
                bytes.Add(hex);
                i += 2;
            }
            else if (next is 'r' or 'n' or 't' or 'v' or 'f' or '"' or '\'' or '\\')
                bytes.Add(next switch { 'r' => (byte)'\r', 'n' => (byte)'\n', 't' => (byte)'\t', 'v' => (byte)'\v', 'f' => (byte)'\f', _ => (byte)next });
            else bytes.AddRange([(byte)'\\', .. Encoding.UTF8.GetBytes(next.ToString())]);
        }
        return [.. bytes];
    }

    /// <summary>
    /// The bytes a program's print of its buffer stands for (<c>TX: "AT+CSQ\r\n"</c>, <c>uart_recv: \r\nOK\r\n</c>): data that
    /// ends with an escaped line end, in double quotes or not. Null for any other data: traffic never ends so itself.
    /// </summary>
    public static byte[]? PrintedBuffer(ReadOnlySpan<char> data)
    {
        data = Unquoted(data);
        return EndsWithEscapedLineEnd(data) ? Decode(data) : null;
    }

    /// <summary>
    /// The bytes a line of a capture written with escapes stands for (<c>AT+CSQ\r\n</c>, <c>\r\n+CSQ: 20,99\r\n\r\nOK</c>),
    /// quoted or not: null for a line that shows no escaped line end.
    /// </summary>
    public static byte[]? ShownLine(ReadOnlySpan<char> line) => ShowsLineEnd(line) ? Decode(Unquoted(line)) : null;

    /// <summary>True when <paramref name="text"/> holds an escaped line end (<c>\r</c>, <c>\n</c>; not <c>\\n</c>, a backslash and an n).</summary>
    public static bool ShowsLineEnd(ReadOnlySpan<char> text)
    {
        for (var i = text.IndexOf('\\'); i >= 0 && i + 1 < text.Length; i = text[(i + 1)..].IndexOf('\\') is var next and >= 0 ? i + 1 + next : -1)
        {
            if (text[i + 1] is 'r' or 'n') return true;
            i++;   // the escaped character, a backslash perhaps, is no escape's start
        }
        return false;
    }

    /// <summary>True for a line that ends as a print of a buffer does: an escaped line end, then perhaps the closing quote.</summary>
    public static bool IsPrint(ReadOnlySpan<char> line) => EndsWithEscapedLineEnd(Unquoted(line));

    // The print without its quotes, when it has them (the opening one may stand before where the data was found): double
    // quotes as C prints a string, single ones as Python's repr does (pySerial's miniterm and PlatformIO's `debug` filter:
    // `TX: 'AT\r\n'`, also `b'AT\r\n'`).
    private static ReadOnlySpan<char> Unquoted(ReadOnlySpan<char> data)
    {
        data = data.Trim();
        if (data.Length > 1 && data[0] == 'b' && data[1] is '\'' or '"') data = data[1..];
        if (data.Length > 0 && data[^1] is '"' or '\'') data = data[..^1];
        if (data.Length > 0 && data[0] is '"' or '\'') data = data[1..];
        return data;
    }

    private static bool EndsWithEscapedLineEnd(ReadOnlySpan<char> data)
    {
        if (data.Length < 2 || data[^2] != '\\' || data[^1] is not ('r' or 'n')) return false;
        // `\\n` is a backslash and an n, not a line end.
        var backslashes = 0;
        for (var i = data.Length - 2; i >= 0 && data[i] == '\\'; i--) backslashes++;
        return backslashes % 2 == 1;
    }
}
