using Conformance.Protocol.Catalog;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// A line as some logger wrote it, whatever it put before the traffic: where the AT traffic starts (a command, a
/// <c>+NAME</c> line, a final result, a banner), the direction mark right before it if any (an arrow or a word:
/// <c>-&gt;</c>, <c>&lt;&lt;</c>, <c>TX:</c>, <c>[RX]</c>, <c>send:</c>, <c>接收:</c>), and the prefix before that, which holds
/// the logger's stamp, level, tag or thread (<c>I (12345) modem: </c>, <c>[0000012345] [AT] </c>,
/// <c>2026-11-30 10:11:12.100 | DEBUG | modem:send:42 - </c>).
/// </summary>
/// <param name="Start">Where the traffic starts.</param>
/// <param name="MarkStart">Where the direction mark starts; <paramref name="Start"/> when there is none.</param>
/// <param name="Arrow">The arrow as written, for an arrow mark.</param>
/// <param name="Direction">The direction a word mark says; null for an arrow (its meaning is learned) or no mark.</param>
internal readonly record struct LoggerLine(int Start, int MarkStart, string? Arrow, LogDirection? Direction)
{
    /// <summary>True when a mark stands before the traffic.</summary>
    public bool Marked => MarkStart < Start;

    /// <summary>The traffic in <paramref name="line"/> after a logger's prefix; null when the line holds none.</summary>
    public static LoggerLine? Find(ReadOnlySpan<char> line)
    {
        var print = CEscapes.IsPrint(line);
        for (var i = 0; i < line.Length - 1; i++)
        {
            if (i > 0 && !IsBoundary(line[i - 1]) && !(print && (AfterEscapedLineEnd(line, i) || line[i - 1] is '"' or '\''))) continue;
            if (!StartsTraffic(line[i..])) continue;
            // A print of a buffer starts at its quote or its first escaped line end (`<-- "\r\nOK\r\n"`), before the traffic.
            var start = i;
            if (print)
            {
                while (AfterEscapedLineEnd(line, start)) start -= 2;
                if (start > 0 && line[start - 1] is '"' or '\'') start--;
                if (start > 0 && line[start - 1] == 'b' && (start == 1 || !char.IsLetterOrDigit(line[start - 2]))) start--;   // Python's b'…'

            }
            return Mark(line, start) ?? new LoggerLine(start, start, null, null);
        }
        return null;
    }

    /// <summary>The direction mark ending just before <paramref name="start"/> (spaces between allowed); null when none.</summary>
    public static LoggerLine? Mark(ReadOnlySpan<char> line, int start)
    {
        var before = line[..start].TrimEnd();
        foreach (var arrow in ArrowsLongestFirst)
        {
            if (!before.EndsWith(arrow, StringComparison.Ordinal)) continue;
            var at = before.Length - arrow.Length;
            // A single `>` closing a tag (`<dbg>`) or `<` opening one is no mark: it stands alone.
            if (arrow.Length == 1 && at > 0 && !IsSpace(before[at - 1]) && before[at - 1] is not (']' or ':' or ')')) return null;
            return new LoggerLine(start, at, arrow, null);
        }
        // Most prefixes end in a stamp or a tag no word mark ends with: the words are not tried then.
        if (before.Length < 2 || !WordFormEnds.Contains((char.ToLowerInvariant(before[^2]), char.ToLowerInvariant(before[^1])))) return null;
        foreach (var (form, direction) in WordForms)
        {
            if (!before.EndsWith(form, StringComparison.OrdinalIgnoreCase)) continue;
            var at = before.Length - form.Length;
            if (at > 0 && !IsBoundary(before[at - 1]) && before[at - 1] != '[') continue;
            return new LoggerLine(start, at, null, direction);
        }
        return null;
    }

    /// <summary>
    /// True where a line of traffic starts: an AT command (<c>AT</c>, <c>AT+…</c>, <c>ATE0</c>, also in lower case), a
    /// named line (<c>+CSQ: 20,99</c>, <c>+CME ERROR: 3</c>, <c>+MQTTDISC</c>), a final result alone, or a banner of the catalog.
    /// </summary>
    public static bool StartsTraffic(ReadOnlySpan<char> rest)
    {
        if (rest.Length >= 2 && (rest[0] | 0x20) == 'a' && (rest[1] | 0x20) == 't' && (rest[0] == 'A') == (rest[1] == 'T'))
        {
            if (rest.Length == 2) return true;
            if (rest[2] is '+' or '&' or '^' or '*' or '$' or '%' or '#') return rest.Length > 3 && char.IsAsciiLetter(rest[3]);
            // A basic command: one letter and a digit or nothing (`ATE0`, `ATI`, `ATZ`), not a word (`ATTACH`).
            return char.IsAsciiLetter(rest[2]) && (rest.Length == 3 || char.IsAsciiDigit(rest[3]) || rest[3] is '?' or '=' || IsSpace(rest[3]));
        }
        if (rest[0] == '+')
        {
            var name = 1;
            while (name < rest.Length && (char.IsAsciiLetterUpper(rest[name]) || (name > 1 && char.IsAsciiDigit(rest[name])))) name++;
            return name >= 3 && (name == rest.Length || rest[name] is ':' or ' ');
        }
        // Asked at every word of a line: only a line's first letter is looked at before more of it is.
        if (rest[0] is 'O' or 'E' && rest.Length <= 64 && Result(rest) is "OK" or "ERROR") return true;
        if (rest[0] is 'O' or 'E' && (rest.StartsWith("OK\\r") || rest.StartsWith("OK\\n") || rest.StartsWith("ERROR\\r") || rest.StartsWith("ERROR\\n"))) return true;   // in a print, lines follow
        if (!char.IsAsciiLetter(rest[0]) && rest[0] != '*') return false;
        foreach (var banner in ProtocolCatalog.Banners)
        {
            // The word alone or before a colon (`Neul `, `RDY`), or a family's prefix (`REBOOT_CAUSE_…`).
            if (!rest.StartsWith(banner, StringComparison.Ordinal)) continue;
            var after = rest[banner.Length..];
            if (banner[^1] == '_' ? !after.IsEmpty : after.TrimEnd(" \t").IsEmpty || after[0] == ':') return true;
        }
        return false;
    }

    // What may stand right before the traffic or a mark: a space, the end of a stamp, tag or field, an arrow's head.
    private static bool IsBoundary(char c) =>
        IsSpace(c) || c is ':' or '：' or ']' or '】' or ')' or '>' or '|' or '-' or '=' or '»' or '«' or '→' or '←' or '<';

    // Also a no-break or ideographic space of text pasted from a page or typed with a Chinese input method (PastedSpaces).
    private static bool IsSpace(char c) => c is ' ' or '\t' || (c > '\u007F' && char.IsWhiteSpace(c));

    // A result alone: in a table's cell too (`| OK |`), or before a print's escaped line ends and closing quote (`OK\r\n"`).
    private static ReadOnlySpan<char> Result(ReadOnlySpan<char> rest)
    {
        while (true)
        {
            var trimmed = rest.TrimEnd(" \t|\"");
            if (trimmed.Length >= 2 && trimmed[^2] == '\\' && trimmed[^1] is 'r' or 'n') trimmed = trimmed[..^2];
            if (trimmed.Length == rest.Length) return rest;
            rest = trimmed;
        }
    }

    // Traffic in a print of a buffer with C's escapes starts after its line end too (`\r\nOK\r\n`).
    private static bool AfterEscapedLineEnd(ReadOnlySpan<char> line, int at) => at >= 2 && line[at - 2] == '\\' && line[at - 1] is 'r' or 'n';

    private static readonly string[] ArrowsLongestFirst = [.. TranscriptTag.Arrows.Keys.OrderByDescending(a => a.Length)];

    // Word marks and the direction each says; bare ones need no colon or brackets (`TX AT+CSQ`).
    internal static readonly (string Word, LogDirection Direction, bool Bare)[] Words =
    [
        ("TX", LogDirection.ToModule, true), ("RX", LogDirection.FromModule, true),
        ("SEND", LogDirection.ToModule, true), ("SENT", LogDirection.ToModule, true), ("RECV", LogDirection.FromModule, true),
        ("RECEIVE", LogDirection.FromModule, false), ("RECEIVED", LogDirection.FromModule, false),
        ("OUT", LogDirection.ToModule, false), ("IN", LogDirection.FromModule, false),
        ("W", LogDirection.ToModule, false), ("R", LogDirection.FromModule, false), ("T", LogDirection.ToModule, false),
        ("WRITE", LogDirection.ToModule, false), ("READ", LogDirection.FromModule, false),
        ("发送", LogDirection.ToModule, false), ("发出", LogDirection.ToModule, false), ("发", LogDirection.ToModule, false), ("写", LogDirection.ToModule, false),
        ("接收", LogDirection.FromModule, false), ("收到", LogDirection.FromModule, false), ("收", LogDirection.FromModule, false), ("读", LogDirection.FromModule, false),
        // How people write what came back and what was sent in notes and chats (`返回：OK`, `命令：AT+CSQ`).
        ("返回", LogDirection.FromModule, false), ("回复", LogDirection.FromModule, false), ("应答", LogDirection.FromModule, false),
        ("响应", LogDirection.FromModule, false), ("命令", LogDirection.ToModule, false), ("指令", LogDirection.ToModule, false),
        // An MCU's own debug print of what it sent and got (`Sending: AT+CSQ`, `CMD: AT`, `Response: OK`).
        ("SENDING", LogDirection.ToModule, false), ("CMD", LogDirection.ToModule, false), ("COMMAND", LogDirection.ToModule, false),
        ("RESPONSE", LogDirection.FromModule, false), ("RESP", LogDirection.FromModule, false), ("REPLY", LogDirection.FromModule, false),
        ("GOT", LogDirection.FromModule, false), ("ANSWER", LogDirection.FromModule, false),
    ];

    /// <summary>The direction a mark's word says (<c>TX</c>, <c>Sending</c>, <c>接收</c>, any case); null for a word that is no mark.</summary>
    public static LogDirection? WordDirection(string word)
    {
        foreach (var (known, direction, _) in Words)
            if (string.Equals(known, word, StringComparison.OrdinalIgnoreCase)) return direction;
        return null;
    }

    // Each word as it is written: in brackets (also the lenticular ones of Chinese tools, `【发送】`), before a colon (also a
    // full-width one), or bare.
    private static readonly (string Form, LogDirection Direction)[] WordForms = [.. Words.SelectMany(w =>
        (w.Bare ? new[] { $"[{w.Word}]", $"【{w.Word}】", $"{w.Word}:", $"{w.Word}：", w.Word } : [$"[{w.Word}]", $"【{w.Word}】", $"{w.Word}:", $"{w.Word}："]).Select(form => (form, w.Direction)))];

    // The last two characters of each word form, in lower case (`x]`, `x:`, `tx`, `送：`).
    private static readonly HashSet<(char, char)> WordFormEnds =
        [.. WordForms.Select(w => (char.ToLowerInvariant(w.Form[^2]), char.ToLowerInvariant(w.Form[^1])))];
}
