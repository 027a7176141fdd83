namespace Conformance.Analyzer.Readers;

/// <summary>
/// The fields of a CSV row as RFC 4180 writes them: a field in double quotes may hold the separator, two quotes stand
/// for one, and a line break inside the quotes is the field's own (Excel and serial tools write a module's answer of
/// several lines in one cell so), so such a row goes on over the lines after it.
/// </summary>
internal static class CsvFields
{
    /// <summary>The fields of a row; a quote still open at its end runs to the end.</summary>
    public static List<string> Split(string row, char separator)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < row.Length; i++)
        {
            var c = row[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < row.Length && row[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == separator) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>Where field <paramref name="index"/> of a row starts (0 for the first); -1 when the row has fewer fields.</summary>
    public static int Start(string row, char separator, int index)
    {
        var quoted = false;
        return index == 0 ? 0 : Walk(row, separator, ref quoted, index);
    }

    /// <summary>
    /// Whether a quoted field is still open after <paramref name="text"/>, a line of a row: from its start when
    /// <paramref name="quoted"/> is false, else from inside the field the lines before it left open. A quote that does
    /// not start a field is a character of it (<c>AT+MQTTSUB="t",1</c> written unquoted).
    /// </summary>
    public static bool OpenAfter(ReadOnlySpan<char> text, char separator, bool quoted)
    {
        Walk(text, separator, ref quoted, int.MaxValue);
        return quoted;
    }

    // Reads text as RFC 4180 does, from inside a quoted field when `quoted`: where field `stop` starts, or -1 at the
    // end, `quoted` then saying whether a quoted field is open there.
    private static int Walk(ReadOnlySpan<char> text, char separator, ref bool quoted, int stop)
    {
        var (field, fieldStart) = (0, !quoted);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') continue;
                if (i + 1 < text.Length && text[i + 1] == '"') i++;
                else quoted = false;
            }
            else if (c == separator)
            {
                (fieldStart, field) = (true, field + 1);
                if (field == stop) return i + 1;
            }
            else
            {
                quoted = c == '"' && fieldStart;
                fieldStart = false;
            }
        }
        return -1;
    }
}
