namespace Conformance.Analyzer.Readers;

/// <summary>
/// The width a screen scrape pads its lines to: a log copied from a Windows console (cmd.exe's Mark / Copy, the
/// console's own buffer) or a screen capture ends every line with spaces up to the window's width (80, 120 columns).
/// The spaces are the terminal's, not the module's: read without them, no line shows a <c>trailing-space</c> or
/// <c>space-around-argument</c> the module never sent.
/// </summary>
/// <remarks>
/// A log is padded when at least <see cref="MinLines"/> lines of its sample are, nearly all of them
/// (<see cref="Share"/>) are one width of at least <see cref="MinWidth"/> columns, and at least half of them end in a
/// space (a line that fills the width, or wraps onto the next row, ends in its text). Columns are counted as a console
/// shows them: a Chinese character takes two. A capture whose module ends a line in a space (<c>OK </c> among lines
/// without) is no scrape: its lines are of every width, and the space is the module's.
/// </remarks>
internal static class ScreenWidth
{
    public const int MinLines = 4;
    public const int MinWidth = 40;
    public const double Share = 0.9;

    /// <summary>The width the lines of <paramref name="sample"/> are padded to; 0 when they are not.</summary>
    public static int Of(IReadOnlyList<string> sample)
    {
        if (sample.Count < MinLines) return 0;
        var padded = sample.Where(line => line.EndsWith(' ')).ToList();
        if (padded.Count * 2 < sample.Count) return 0;
        var width = padded.GroupBy(Columns).MaxBy(g => g.Count())!.Key;
        return width >= MinWidth && sample.Count(line => Columns(line) == width) >= Share * sample.Count ? width : 0;
    }

    /// <summary>The columns a console gives <paramref name="line"/>: two for a wide (CJK, full-width) character.</summary>
    private static int Columns(string line)
    {
        var columns = 0;
        foreach (var c in line) columns += IsWide(c) ? 2 : 1;
        return columns;
    }

    private static bool IsWide(char c) => c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3'
        or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6';
}
