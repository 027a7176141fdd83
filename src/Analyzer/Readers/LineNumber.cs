using System.Numerics;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// The line number an editor, a pastebin or a ticket system puts before each line of a pasted log: <c>12| AT</c>,
/// <c>0012: AT</c>, <c>  7 | OK</c>, <c>12&#9;AT</c>. A time of day (<c>12:34:56</c>) is no line number: the colon must be
/// followed by a space.
/// </summary>
internal static class LineNumber
{
    private const int MaxDigits = 6;

    /// <summary>The length of the line number and its separator at the start of <paramref name="line"/>; 0 when it has none.</summary>
    public static int Length<T>(ReadOnlySpan<T> line) where T : unmanaged, IBinaryInteger<T>
    {
        var at = Spaces(line, 0);
        var digits = at;
        while (at < line.Length && at - digits < MaxDigits && IsDigit(line[at])) at++;
        if (at == digits || at == line.Length) return 0;
        if (Is(line[at], '\t')) return at + 1;
        at = Spaces(line, at);
        if (at == line.Length || !Is(line[at], '|') && !Is(line[at], ':')) return 0;
        var blank = ++at < line.Length && (Is(line[at], ' ') || Is(line[at], '\t'));
        // An empty numbered line (`3|`) ends at its separator.
        if (Is(line[at - 1], ':') && !blank && at < line.Length) return 0;
        return blank ? at + 1 : at;
    }

    private static int Spaces<T>(ReadOnlySpan<T> line, int at) where T : unmanaged, IBinaryInteger<T>
    {
        while (at < line.Length && Is(line[at], ' ')) at++;
        return at;
    }

    private static bool Is<T>(T c, char expected) where T : unmanaged, IBinaryInteger<T> => c == T.CreateTruncating(expected);

    private static bool IsDigit<T>(T c) where T : unmanaged, IBinaryInteger<T> => c >= T.CreateTruncating('0') && c <= T.CreateTruncating('9');
}
