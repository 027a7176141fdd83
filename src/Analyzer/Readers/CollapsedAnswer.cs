using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// Splits an answer a writer collapsed onto one line back into the module's lines:
/// <c>OK +MQTTSUBACK:1,0,t</c> is <c>OK</c> and <c>+MQTTSUBACK:1,0,t</c>; <c>+CFUN: 1 OK</c> is <c>+CFUN: 1</c> and <c>OK</c>.
/// </summary>
/// <remarks>
/// A new line starts, after a space outside quotes, at <c>OK</c> or <c>ERROR</c> standing alone or at a
/// <c>+NAME:</c> (<c>+CME ERROR:</c> included); a comma or semicolon the writer put between two lines is left out. Not after a colon (<c>+MQTTOPEN: OK</c> is one line) and not
/// after a single word (<c>SEND OK</c>, <c>CONNECT OK</c> are finals of their own).
/// </remarks>
internal static partial class CollapsedAnswer
{
    public static IEnumerable<string> Split(string line)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"') quoted = !quoted;
            if (quoted || i == 0 || line[i - 1] is not (' ' or '\t') || !Boundary().IsMatch(line.AsSpan(i))) continue;
            var part = line[start..i].TrimEnd();
            if (part.Length == 0 || part.EndsWith(':') || IsWord(part) && line.AsSpan(i).StartsWith("OK")) continue;
            // A comma the writer put between the lines (`OK, +MQTTOPEN: OK`) is theirs, not the module's.
            yield return part.TrimEnd(',', '，', ';').TrimEnd();
            start = i;
        }
        if (line[start..].Trim() is { Length: > 0 } last) yield return last;
    }

    private static bool IsWord(string part) => part.All(char.IsAsciiLetterUpper);

    [GeneratedRegex(@"^(?:OK|ERROR)(?:\s|$)|^\+[A-Z][A-Z0-9]*(?: ERROR)?:")]
    private static partial Regex Boundary();
}
