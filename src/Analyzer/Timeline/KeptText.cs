using System.Globalization;

namespace Conformance.Analyzer.Timeline;

/// <summary>
/// The text one analysis keeps of its items (a command, an answer line, a URC, a diagnostic's message). A line can
/// be a frame of 64 KB, and thousands of items each holding one would grow memory with the log: a text longer than
/// <see cref="ShortenedLength"/> is kept whole until the analysis has kept <see cref="Budget"/> characters of such
/// texts, and by its start and its length after that.
/// </summary>
public sealed class KeptText
{
    /// <summary>Characters of long texts one analysis keeps whole (32 MB).</summary>
    public const long Budget = 16 << 20;

    /// <summary>What a long text keeps once the budget is spent; a shorter text is always kept whole.</summary>
    public const int ShortenedLength = 1024;

    private const string Open = "… (", Close = " characters)";

    private long _left = Budget;

    /// <summary><paramref name="text"/>, or once the budget is spent and it is long, its start and its length.</summary>
    public string Of(string text)
    {
        if (text.Length <= ShortenedLength) return text;
        if (_left < text.Length) return Shorten(text, ShortenedLength);
        _left -= text.Length;
        return text;
    }

    /// <summary>
    /// <paramref name="text"/>, or its first <paramref name="length"/> characters and the length of the whole line
    /// (also of a text kept shortened already, so a report shows the line's length, not the kept text's).
    /// </summary>
    public static string Shorten(string text, int length) =>
        text.Length <= length ? text : $"{text.AsSpan(0, length)}{Open}{LengthOf(text)}{Close}";

    private static int LengthOf(string text)
    {
        if (!text.EndsWith(Close, StringComparison.Ordinal)) return text.Length;
        var open = text.LastIndexOf(Open, StringComparison.Ordinal);
        if (open < 0) return text.Length;
        var number = text.AsSpan(open + Open.Length, text.Length - Close.Length - open - Open.Length);
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var whole) && whole > text.Length ? whole : text.Length;
    }
}
