namespace Conformance.Protocol.Syntax;

/// <summary>
/// Splits an AT argument list (<c>"a,b",2,$dp</c>) into fields. A comma inside quotes belongs to the field;
/// straight and curly quotes are both accepted because vendor examples mix them (spec §7).
/// </summary>
public static class AtFieldReader
{
    private const char LeftCurly = '\u201C', RightCurly = '\u201D';

    private static bool IsQuote(char c) => c is '"' or LeftCurly or RightCurly;

    /// <summary>
    /// Splits <paramref name="text"/> into at most <paramref name="maxFields"/> fields; the last field takes the
    /// rest of the text verbatim (used for trailing free-form messages that may contain commas).
    /// </summary>
    /// <param name="text">The argument list, without the command or URC name.</param>
    /// <param name="offset">Position of <paramref name="text"/> within the whole line, added to field starts.</param>
    /// <param name="maxFields">Fields after this many are not split.</param>
    /// <param name="error">Set when a quote is not closed.</param>
    public static List<AtField> Split(string text, int offset, int maxFields, out string? error)
    {
        var fields = new List<AtField>();
        error = null;
        var i = 0;
        if (text.Length == 0) return fields;
        while (true)
        {
            if (fields.Count == maxFields - 1)
            {
                fields.Add(ReadLast(text, i, offset));
                return fields;
            }
            var start = i;
            if (i < text.Length && IsQuote(text[i]))
            {
                var quoting = text[i] == '"' ? Quoting.Straight : Quoting.Curly;
                var close = i + 1;
                while (close < text.Length && !IsQuote(text[close])) close++;
                if (close >= text.Length)
                {
                    error = $"quote opened at character {offset + start + 1} is not closed";
                    fields.Add(new AtField(text[(i + 1)..], quoting, offset + start));
                    return fields;
                }
                if (text[i] != '"' || text[close] != '"') quoting = Quoting.Curly;
                fields.Add(new AtField(text[(i + 1)..close], quoting, offset + start));
                i = close + 1;
                // Anything between the closing quote and the next comma is ignored but reported.
                var comma = text.IndexOf(',', i);
                if (comma < 0) return fields;
                if (comma > i) error = $"unexpected text after closing quote at character {offset + i + 1}";
                i = comma + 1;
            }
            else
            {
                var comma = text.IndexOf(',', i);
                if (comma < 0)
                {
                    fields.Add(new AtField(text[i..], Quoting.None, offset + start));
                    return fields;
                }
                fields.Add(new AtField(text[i..comma], Quoting.None, offset + start));
                i = comma + 1;
            }
            if (i == text.Length)
            {
                fields.Add(new AtField("", Quoting.None, offset + i));
                return fields;
            }
        }
    }

    private static AtField ReadLast(string text, int i, int offset)
    {
        var rest = text[i..];
        if (rest.Length >= 2 && IsQuote(rest[0]) && IsQuote(rest[^1]))
        {
            var q = rest[0] == '"' && rest[^1] == '"' ? Quoting.Straight : Quoting.Curly;
            return new AtField(rest[1..^1], q, offset + i);
        }
        return new AtField(rest, Quoting.None, offset + i);
    }
}
