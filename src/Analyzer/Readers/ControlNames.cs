using System.Text;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// Control characters written by name in angle brackets (<c>&lt;CR&gt;&lt;LF&gt;</c>), as ModemManager and
/// Docklight show them.
/// </summary>
internal static class ControlNames
{
    private static readonly string[] Names =
    [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
        "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
    ];

    /// <summary>Replaces each known <c>&lt;NAME&gt;</c> by its character; unknown brackets stay as they are.</summary>
    public static string Decode(string text, out bool sawLineEnd)
    {
        sawLineEnd = false;
        if (!text.Contains('<', StringComparison.Ordinal)) return text;
        var decoded = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var close = text[i] == '<' ? text.IndexOf('>', i + 1, Math.Min(5, text.Length - i - 1)) : -1;
            var code = close < 0 ? -1 : CodeOf(text.AsSpan(i + 1, close - i - 1));
            if (code < 0) { decoded.Append(text[i]); continue; }
            sawLineEnd |= code is '\r' or '\n';
            decoded.Append((char)code);
            i = close;
        }
        return decoded.ToString();
    }

    private static int CodeOf(ReadOnlySpan<char> name)
    {
        if (name.SequenceEqual("DEL")) return 0x7F;
        if (name.SequenceEqual("TAB")) return '\t';
        for (var code = 0; code < Names.Length; code++)
            if (name.SequenceEqual(Names[code])) return code;
        return -1;
    }
}
