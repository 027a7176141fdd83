using System.Text;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// Control characters written out as a tool shows them: by name in angle brackets (<c>&lt;CR&gt;&lt;LF&gt;</c>, as
/// ModemManager, Docklight and RealTerm do), a line end's name in square or curly brackets (<c>[CR][LF]</c>,
/// <c>{CR}{LF}</c>), or as Unicode's control pictures (<c>␍␊</c>).
/// </summary>
internal static class ControlNames
{
    private static readonly string[] Names =
    [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
        "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
    ];

    /// <summary>Replaces each known <c>&lt;NAME&gt;</c>, <c>[CR]</c>, <c>{LF}</c> and control picture by its character; anything else stays as it is.</summary>
    public static string Decode(string text, out bool sawLineEnd)
    {
        sawLineEnd = false;
        if (text.AsSpan().IndexOfAny(Openers) < 0) return text;
        var decoded = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var (code, length) = At(text.AsSpan(i));
            if (code < 0) { decoded.Append(text[i]); continue; }
            sawLineEnd |= code is '\r' or '\n';
            decoded.Append((char)code);
            i += length - 1;
        }
        return decoded.ToString();
    }

    /// <summary>True when <paramref name="text"/> shows a line end by name or picture (<c>&lt;CR&gt;</c>, <c>[LF]</c>, <c>␊</c>).</summary>
    public static bool ShowsLineEnd(ReadOnlySpan<char> text)
    {
        for (var i = text.IndexOfAny(Openers); i >= 0; i = text[++i..].IndexOfAny(Openers) is var next and >= 0 ? i + next : -1)
            if (At(text[i..]).Code is '\r' or '\n') return true;
        return false;
    }

    /// <summary>True when <paramref name="text"/> starts with a control character written out (<c>&lt;CR&gt;</c>, <c>[LF]</c>, <c>␍</c>).</summary>
    public static bool StartsWithName(ReadOnlySpan<char> text) => !text.IsEmpty && At(text).Code >= 0;

    /// <summary>
    /// The bytes a line stands for when it shows its line ends by name or picture (<c>AT+CSQ&lt;CR&gt;&lt;LF&gt;</c>); null for a
    /// line that shows none.
    /// </summary>
    public static byte[]? PrintedBuffer(string data) =>
        ShowsLineEnd(data) ? Encoding.UTF8.GetBytes(Decode(data.Trim(), out _)) : null;

    private static readonly System.Buffers.SearchValues<char> Openers = System.Buffers.SearchValues.Create("<[{\u2400\u2401\u2402\u2403\u2404\u2405\u2406\u2407\u2408\u2409\u240A\u240B\u240C\u240D\u240E\u240F\u2410\u2411\u2412\u2413\u2414\u2415\u2416\u2417\u2418\u2419\u241A\u241B\u241C\u241D\u241E\u241F\u2421");

    // The control character written at the start of text, and how many characters write it; -1 when none is.
    private static (int Code, int Length) At(ReadOnlySpan<char> text)
    {
        var c = text[0];
        if (c is >= '\u2400' and <= '\u241F') return (c - '\u2400', 1);
        if (c == '\u2421') return (0x7F, 1);
        var close = c switch { '<' => '>', '[' => ']', '{' => '}', _ => '\0' };
        if (close == '\0') return (-1, 0);
        var end = text[1..Math.Min(text.Length, 6)].IndexOf(close);
        if (end < 0) return (-1, 0);
        var name = text[1..(end + 1)];
        // Square and curly brackets name only line ends: `[RX]`, `{id}` are other things.
        var code = c == '<' ? CodeOf(name) : name.Equals("CR", StringComparison.OrdinalIgnoreCase) ? '\r' : name.Equals("LF", StringComparison.OrdinalIgnoreCase) ? '\n' : -1;
        return code < 0 ? (-1, 0) : (code, end + 2);
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
