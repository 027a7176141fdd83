using System.Globalization;
using System.Text;

namespace Conformance.Protocol.Display;

/// <summary>
/// Text from a log or a module made safe for a terminal, a page or a spreadsheet: control characters are shown
/// as escapes (<c>\x1b</c>, <c>\r</c>), as tshark and <c>cat -v</c> do, so a log cannot clear the screen, move
/// the cursor or hide text.
/// </summary>
/// <remarks>
/// Escaped: C0 controls, DEL, C1 controls (U+0080–U+009F, a terminal may read U+009B as CSI), and the
/// invisible characters that reorder or break lines (bidirectional overrides and isolates, U+2028, U+2029).
/// Everything else, Chinese text included, stays as it is.
/// </remarks>
public static class PrintableText
{
    public static string Escape(string text)
    {
        var first = IndexOfUnprintable(text);
        if (first < 0) return text;
        var output = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnprintable(c)) { output.Append(c); continue; }
            output.Append(c switch
            {
                '\r' => "\\r",
                '\n' => "\\n",
                '\t' => "\\t",
                <= '\u00FF' => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
        }
        return output.ToString();
    }

    /// <summary>
    /// Each line of <paramref name="text"/> escaped, its line feeds kept: for a table cell of several lines (the
    /// information lines of an answer) or a message of several lines, which a terminal shows as lines.
    /// </summary>
    public static string EscapeLines(string text) =>
        IsPrintable(text) ? text : string.Join('\n', text.Split('\n').Select(Escape));

    /// <summary>True when <paramref name="text"/> holds nothing <see cref="Escape"/> would change.</summary>
    public static bool IsPrintable(string text) => IndexOfUnprintable(text) < 0;

    private static int IndexOfUnprintable(string text)
    {
        for (var i = 0; i < text.Length; i++)
            if (IsUnprintable(text[i])) return i;
        return -1;
    }

    private static bool IsUnprintable(char c) =>
        c < ' ' || c is >= '\u007F' and <= '\u009F' or '\u061C' or '\u200E' or '\u200F' or '\u2028' or '\u2029'
            or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
