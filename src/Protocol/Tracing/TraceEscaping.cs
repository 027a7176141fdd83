using System.Text;

namespace Conformance.Protocol.Tracing;

/// <summary>
/// The lossless escaping of trace data: readable text stays as it is, everything else becomes an escape,
/// so every byte can be reconstructed and a record never spans two lines.
/// </summary>
/// <remarks>
/// <c>\r</c>, <c>\n</c>, <c>\t</c> and <c>\\</c> are escaped by name; other control bytes, DEL and bytes
/// that are not part of valid UTF-8 as <c>\xHH</c>. Valid UTF-8 (Chinese text, <c>，</c>) is kept as is.
/// </remarks>
public static class TraceEscaping
{
    public static string Escape(ReadOnlySpan<byte> data)
    {
        var text = new StringBuilder(data.Length + 8);
        var i = 0;
        while (i < data.Length)
        {
            var b = data[i];
            switch (b)
            {
                case (byte)'\r': text.Append("\\r"); i++; continue;
                case (byte)'\n': text.Append("\\n"); i++; continue;
                case (byte)'\t': text.Append("\\t"); i++; continue;
                case (byte)'\\': text.Append("\\\\"); i++; continue;
            }
            if (b is >= 0x20 and < 0x7F) { text.Append((char)b); i++; continue; }
            if (b >= 0x80 && TryUtf8Sequence(data[i..], out var length))
            {
                text.Append(Encoding.UTF8.GetString(data.Slice(i, length)));
                i += length;
                continue;
            }
            text.Append("\\x").Append(b.ToString("X2"));
            i++;
        }
        return text.ToString();
    }

    /// <summary>Turns escaped text back into the exact bytes.</summary>
    /// <exception cref="FormatException">An escape is malformed; the message gives its position.</exception>
    public static byte[] Unescape(string text)
    {
        var bytes = new List<byte>(text.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\\')
            {
                if (c < 0x80) { bytes.Add((byte)c); continue; }
                var scalarLength = char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
                var n = Encoding.UTF8.GetBytes(text.AsSpan(i, scalarLength), utf8);
                for (var k = 0; k < n; k++) bytes.Add(utf8[k]);
                i += scalarLength - 1;
                continue;
            }
            if (i + 1 >= text.Length) throw new FormatException($"lone backslash at character {i + 1}");
            var e = text[++i];
            switch (e)
            {
                case 'r': bytes.Add((byte)'\r'); break;
                case 'n': bytes.Add((byte)'\n'); break;
                case 't': bytes.Add((byte)'\t'); break;
                case '\\': bytes.Add((byte)'\\'); break;
                case 'x':
                    if (i + 2 >= text.Length || !byte.TryParse(text.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, null, out var value))
                        throw new FormatException($"bad \\x escape at character {i}: expected two hex digits");
                    bytes.Add(value);
                    i += 2;
                    break;
                default:
                    throw new FormatException($"unknown escape '\\{e}' at character {i}");
            }
        }
        return bytes.ToArray();
    }

    private static bool TryUtf8Sequence(ReadOnlySpan<byte> data, out int length)
    {
        var status = System.Text.Rune.DecodeFromUtf8(data, out var rune, out length);
        return status == System.Buffers.OperationStatus.Done && !Rune.IsControl(rune);
    }
}
