namespace Conformance.Analyzer.Readers;

/// <summary>
/// A command and its answer a writer put on one line of notes: <c>AT+CSQ -&gt; +CSQ: 18,99 OK</c>,
/// <c>AT+CGATT?  返回 +CGATT: 1  OK</c>, <c>AT+MQTTOPEN=1,1,0,0,0,"","" =&gt; OK, +MQTTOPEN: OK</c>,
/// <c>发送AT+CSQ 收到+CSQ: 18,99 OK</c> (its mark read before). The line starts with the command; outside quotes an
/// arrow or a word saying the module answered follows, then the answer, starting as a line of the module does
/// (<c>+NAME</c>, <c>OK</c>, <c>ERROR</c>): anything else after an arrow (<c>AT+CSQ -&gt; 23 to 26,99</c>) is the writer's prose.
/// </summary>
internal static class CollapsedExchange
{
    // Arrows a writer points from a command to its answer; before the answer, after a space.
    private static readonly string[] Arrows = ["-->", "==>", "->", "=>", ">>"];

    // Words and signs saying the module answered. Chinese ones and single arrows need no space around them (`发送AT+CSQ 收到+CSQ: 18,99`).
    private static readonly string[] Joined = ["返回", "收到", "回复", "应答", "响应", "得到", "→", "⇒"];
    private static readonly string[] Words = ["answers", "answered", "returns", "returned", "replies", "replied", "gives", "gave", "got", "reply", "response", "resp"];

    /// <summary>The command and the answer of a line that holds both; null for a line that is not one.</summary>
    public static (string Command, string Answer)? Split(string data)
    {
        if (data.Length < 4 || (data[0] | 0x20) != 'a' || (data[1] | 0x20) != 't' || !LoggerLine.StartsTraffic(data)) return null;
        var quoted = false;
        for (var i = 2; i < data.Length; i++)
        {
            if (data[i] == '"') quoted = !quoted;
            if (quoted) continue;
            var spaced = data[i - 1] is ' ' or '\t';
            var said = Said(data.AsSpan(i), spaced);
            if (said == 0) continue;
            var answer = data.AsSpan(i + said).TrimStart(" \t:：");
            if (!StartsAnswer(answer)) continue;
            return (data[..i].TrimEnd(), answer.ToString());
        }
        return null;
    }

    // The length of the arrow or word at the start of `rest`; 0 when none is there.
    private static int Said(ReadOnlySpan<char> rest, bool spaced)
    {
        foreach (var sign in Joined)
            if (rest.StartsWith(sign, StringComparison.Ordinal)) return sign.Length;
        if (!spaced) return 0;
        foreach (var arrow in Arrows)
            if (rest.StartsWith(arrow, StringComparison.Ordinal)) return arrow.Length;
        foreach (var word in Words)
            if (rest.StartsWith(word, StringComparison.OrdinalIgnoreCase) && rest.Length > word.Length && rest[word.Length] is ' ' or ':' or '：')
                return word.Length;
        return 0;
    }

    // An answer starts as the module's lines do: a named line, a final result.
    private static bool StartsAnswer(ReadOnlySpan<char> answer)
    {
        if (answer.Length >= 2 && answer[0] == '+' && char.IsAsciiLetterUpper(answer[1])) return true;
        var final = answer.StartsWith("OK", StringComparison.Ordinal) ? 2 : answer.StartsWith("ERROR", StringComparison.Ordinal) ? 5 : 0;
        return final > 0 && (answer.Length == final || answer[final] is ' ' or '\t' or ',' or ';' or '，' or ':');
    }
}
