namespace Conformance.Analyzer.Readers;

/// <summary>
/// A CR LF log viewed in <c>less</c>, vim or <c>cat -v</c> and copied from there: each CR shows as <c>^M</c> at the end of
/// its line, the LF being the file's own line break (<c>cat -A</c> and <c>cat -vE</c> write a <c>$</c> after it:
/// <c>AT+CSQ^M$</c>). When most lines of the sample end so, every line is read with its <c>^M</c> as the CR it stands for,
/// whatever the format (<c>[14:00:00.100] AT+CSQ^M</c> is Tera Term's line).
/// </summary>
internal static class CaretLineEnd
{
    /// <summary>How the viewer shows a CR.</summary>
    public static ReadOnlySpan<byte> Shown => "^M"u8;

    /// <summary>True when at least 60 % of <paramref name="sample"/>'s lines end in <c>^M</c>, as a comment prefix is judged.</summary>
    public static bool Ends(IReadOnlyList<string> sample) => sample.Count(line => ShowsCr(Undollared(line))) * 10 >= sample.Count * 6;

    /// <summary>The line without its <c>^M</c>s (an echo ends in two: <c>AT+CSQ^M^M</c>) and the <c>$</c> after them.</summary>
    public static string Without(string line)
    {
        line = Undollared(line);
        while (ShowsCr(line)) line = line[..^2];
        return line;
    }

    /// <summary>How many <c>^M</c> end <paramref name="line"/>; <paramref name="marked"/> is 1 when <c>cat -E</c>'s <c>$</c> follows them.</summary>
    public static int Count(ReadOnlySpan<byte> line, out int marked)
    {
        marked = line.EndsWith("^M$"u8) ? 1 : 0;
        line = line[..^marked];
        var count = 0;
        for (; line.EndsWith(Shown); line = line[..^2]) count++;
        return count;
    }

    // `cat -A`'s `$` after a shown CR is no part of the line.
    private static string Undollared(string line) => line.EndsWith("^M$", StringComparison.Ordinal) ? line[..^1] : line;

    private static bool ShowsCr(string line) => line.EndsWith("^M", StringComparison.Ordinal);
}
