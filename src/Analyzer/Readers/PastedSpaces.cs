namespace Conformance.Analyzer.Readers;

/// <summary>
/// Text copied from a web page, a wiki, a chat or a PDF carries other spaces than the module's: a no-break space where
/// the page had two spaces or a space after a colon (<c>+MQTTOPEN:&#160;OK</c>), an ideographic space typed with a Chinese input
/// method, a thin or narrow one. In what people and tools wrote down (a transcript, a logger's line), each is read as
/// the space it stands for, outside quotes: inside them it is content, as a message's bytes count in msg_len.
/// </summary>
internal static class PastedSpaces
{
    // Unicode's space separators other than the space itself.
    private static readonly System.Buffers.SearchValues<char> Others = System.Buffers.SearchValues.Create(
        "\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000");

    /// <summary><paramref name="text"/> with each such space outside double quotes as a space; the same string when it has none.</summary>
    public static string Plain(string text)
    {
        var first = text.AsSpan().IndexOfAny(Others);
        if (first < 0) return text;
        var chars = text.ToCharArray();
        var quoted = text.AsSpan(0, first).Count('"') % 2 == 1;
        for (var i = first; i < chars.Length; i++)
        {
            if (chars[i] == '"') quoted = !quoted;
            else if (!quoted && Others.Contains(chars[i])) chars[i] = ' ';
        }
        return new string(chars);
    }

    /// <summary>True when <paramref name="text"/> holds such a space anywhere.</summary>
    public static bool Any(ReadOnlySpan<char> text) => text.ContainsAny(Others);
}
