namespace Conformance.Emulator.Control;

/// <summary>One word of a control line: its text (quotes removed) and where it starts and ends (1-based column, index after it).</summary>
internal readonly record struct ControlWord(string Text, int Column, int End)
{
    /// <summary>
    /// Splits a line into words at spaces; <c>"…"</c> is one word, with <c>\"</c> and <c>\\</c> inside it.
    /// An unterminated quote is a <see cref="ControlError"/> naming its column.
    /// </summary>
    public static List<ControlWord> Split(string line)
    {
        var words = new List<ControlWord>();
        var i = 0;
        while (i < line.Length)
        {
            if (char.IsWhiteSpace(line[i]))
            {
                i++;
                continue;
            }
            var start = i;
            if (line[i] != '"')
            {
                while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;
                words.Add(new ControlWord(line[start..i], start + 1, i));
                continue;
            }
            var text = new System.Text.StringBuilder();
            for (i++; ; i++)
            {
                if (i >= line.Length) throw new ControlError($"the quote at column {start + 1} is not closed");
                if (line[i] == '"') break;
                if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\') i++;
                text.Append(line[i]);
            }
            i++;
            words.Add(new ControlWord(text.ToString(), start + 1, i));
        }
        return words;
    }
}
