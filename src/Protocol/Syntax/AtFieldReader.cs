namespace Conformance.Protocol.Syntax;

/// <summary>
/// Splits an AT argument list (<c>"a,b",2,$dp</c>) into fields. A comma inside quotes belongs to the field;
/// straight and curly quotes are both accepted because vendor examples mix them (spec §7).
/// </summary>
public static class AtFieldReader
{
    private const char LeftCurly = '\u201C', RightCurly = '\u201D';

    private static bool IsQuote(char c) => c is '"' or LeftCurly or RightCurly;

    /// <summary>Splits <paramref name="text"/> like the overload below, without reporting where an error is.</summary>
    public static List<AtField> Split(string text, int offset, int maxFields, out string? error) =>
        Split(text, offset, maxFields, out error, out _);

    /// <summary>
    /// Splits <paramref name="text"/> into at most <paramref name="maxFields"/> fields; the last field takes the
    /// rest of the text verbatim (used for trailing free-form messages that may contain commas).
    /// </summary>
    /// <param name="text">The argument list, without the command or URC name.</param>
    /// <param name="offset">Position of <paramref name="text"/> within the whole line, added to field starts.</param>
    /// <param name="maxFields">Fields after this many are not split.</param>
    /// <param name="error">Set when a quote is not closed or text follows a closing quote.</param>
    /// <param name="errorPosition">Zero-based position (including <paramref name="offset"/>) of the error; -1 without error.</param>
    public static List<AtField> Split(string text, int offset, int maxFields, out string? error, out int errorPosition) =>
        Split(text.AsSpan(), offset, maxFields, out error, out errorPosition);

    /// <summary>Splits like the overload above, reading the argument list in place (no copy of it is made).</summary>
    /// <param name="text">The argument list, without the command or URC name.</param>
    /// <param name="offset">Position of <paramref name="text"/> within the whole line, added to field starts.</param>
    /// <param name="maxFields">Fields after this many are not split.</param>
    /// <param name="error">Set when a quote is not closed or text follows a closing quote.</param>
    /// <param name="errorPosition">Zero-based position (including <paramref name="offset"/>) of the error; -1 without error.</param>
    public static List<AtField> Split(ReadOnlySpan<char> text, int offset, int maxFields, out string? error, out int errorPosition)
    {
        // Where the fields are is only needed until they are copied: one list per thread serves every line.
        var ranges = t_ranges ??= new List<AtFieldRange>(8);
        ranges.Clear();
        SplitRanges(text, offset, maxFields, ranges, out error, out errorPosition);
        var fields = new List<AtField>(ranges.Count);
        foreach (var range in ranges)
            fields.Add(new AtField(Value(text.Slice(range.ValueStart - offset, range.ValueLength)), range.Quoting, range.Start));
        return fields;
    }

    [ThreadStatic] private static List<AtFieldRange>? t_ranges;

    // Most fields are a digit or a flag (`1`, `0`): one string each, not one per field read.
    private static readonly string[] OneCharacter = [.. Enumerable.Range(0, 128).Select(c => ((char)c).ToString())];

    private static string Value(ReadOnlySpan<char> value) =>
        value.Length == 0 ? "" : value.Length == 1 && value[0] < 128 ? OneCharacter[value[0]] : value.ToString();

    /// <summary>
    /// Splits like <see cref="Split(ReadOnlySpan{char}, int, int, out string?, out int)"/> into
    /// <paramref name="fields"/>, giving where each value is instead of a copy of it.
    /// </summary>
    internal static void SplitRanges(ReadOnlySpan<char> text, int offset, int maxFields, List<AtFieldRange> fields, out string? error, out int errorPosition)
    {
        error = null;
        errorPosition = -1;
        var i = 0;
        if (text.Length == 0) return;
        while (true)
        {
            if (fields.Count == maxFields - 1)
            {
                fields.Add(ReadLast(text, i, offset));
                return;
            }
            // Spaces before an opening quote are padding, not part of a bare field (`AT+MQTTSUB= "led2"`).
            var open = SkipSpaces(text, i);
            if (open < text.Length && IsQuote(text[open]))
            {
                var quoting = text[open] == '"' ? Quoting.Straight : Quoting.Curly;
                var close = open + 1;
                while (close < text.Length && !IsQuote(text[close])) close++;
                if (close >= text.Length)
                {
                    errorPosition = offset + open;
                    error = $"quote opened at character {errorPosition + 1} is not closed";
                    fields.Add(new AtFieldRange(offset + open + 1, text.Length - open - 1, quoting, offset + open));
                    return;
                }
                if (text[open] != '"' || text[close] != '"') quoting = Quoting.Curly;
                fields.Add(new AtFieldRange(offset + open + 1, close - open - 1, quoting, offset + open));
                i = SkipSpaces(text, close + 1);
                if (i == text.Length) return;
                if (text[i] != ',')
                {
                    // Anything between the closing quote and the next comma is ignored but reported.
                    errorPosition = offset + i;
                    error = $"unexpected text after closing quote at character {errorPosition + 1}";
                    var next = text[i..].IndexOf(',');
                    if (next < 0) return;
                    i += next;
                }
                i++;
            }
            else
            {
                var comma = text[i..].IndexOf(',');
                if (comma < 0)
                {
                    fields.Add(new AtFieldRange(offset + i, text.Length - i, Quoting.None, offset + i));
                    return;
                }
                comma += i;
                fields.Add(new AtFieldRange(offset + i, comma - i, Quoting.None, offset + i));
                i = comma + 1;
            }
            if (i == text.Length)
            {
                fields.Add(new AtFieldRange(offset + i, 0, Quoting.None, offset + i));
                return;
            }
        }
    }

    private static int SkipSpaces(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] == ' ') i++;
        return i;
    }

    private static AtFieldRange ReadLast(ReadOnlySpan<char> text, int i, int offset)
    {
        var first = SkipSpaces(text, i);
        var last = text.Length - 1;
        while (last > first && text[last] == ' ') last--;
        if (last > first && IsQuote(text[first]) && IsQuote(text[last]))
        {
            var q = text[first] == '"' && text[last] == '"' ? Quoting.Straight : Quoting.Curly;
            // Start stays at the raw field start: callers taking the rest verbatim must keep the padding.
            return new AtFieldRange(offset + first + 1, last - first - 1, q, offset + i);
        }
        return new AtFieldRange(offset + i, text.Length - i, Quoting.None, offset + i);
    }
}
