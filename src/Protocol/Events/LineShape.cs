using Conformance.Protocol.Catalog;
using Conformance.Protocol.Families;

namespace Conformance.Protocol.Events;

/// <summary>The shapes of a line of module output that the interpretation policy tells apart (docs/interpretation.md).</summary>
internal static class LineShape
{
    /// <summary>
    /// A command line: <c>AT</c> followed by nothing, a letter, a digit or a command prefix (<c>AT+CSQ</c>,
    /// <c>ATE0</c>, <c>AT&amp;W</c>) — but not <c>AT version:1.7.4.0</c>, which is an answer.
    /// </summary>
    public static bool IsCommand(string line) =>
        line.Length >= 2 && (line[0] | 0x20) == 'a' && (line[1] | 0x20) == 't'
        && (line.Length == 2 || char.IsAsciiLetterOrDigit(line[2]) || line[2] is '+' or '&' or '^' or '*' or '$' or '%' or '#');

    /// <summary>
    /// Where the command starts in a line with up to three stray characters before <c>AT+</c> (<c>XAT+MQTTCFG=…</c>,
    /// an echo a glitch on the line corrupted); -1 for any other line. No space before it: <c>I AT+…</c> is prose.
    /// </summary>
    public static int CommandAfterJunk(string line)
    {
        for (var start = 1; start <= 3 && start + 3 <= line.Length; start++)
        {
            if (char.IsWhiteSpace(line[start - 1])) return -1;
            if ((line[start] | 0x20) == 'a' && (line[start + 1] | 0x20) == 't' && line[start + 2] == '+'
                && start + 3 < line.Length && char.IsAsciiLetter(line[start + 3]))
                return start;
        }
        return -1;
    }

    /// <summary>A <c>+NAME</c>, <c>*NAME</c>, <c>^NAME</c> or <c>$NAME</c> line: the result-code syntax of 27.007 and its vendor prefixes.</summary>
    public static bool IsNamed(string line) =>
        line.Length >= 2 && line[0] is '+' or '*' or '^' or '$' && char.IsAsciiLetter(line[1]);

    /// <summary>
    /// A boot or link banner of the catalog (<c>RDY</c>, <c>WIFI GOT IP</c>, <c>*ATREADY: 1</c>), or a word result
    /// code of another module family (Air780's <c>CONNACK OK</c>, <c>SUBACK</c>).
    /// </summary>
    public static string? Banner(string line)
    {
        // Only the words that start with the line's first character are compared: most lines start like none.
        var words = line.Length == 0 ? WordsStarting[0] : WordsStarting[Math.Min((int)line[0], WordsStarting.Length - 1)];
        foreach (var word in words)
        {
            // The word alone (spaces after it allowed: `Neul `), before a colon, or a family's prefix (`REBOOT_CAUSE_…`).
            if (line.StartsWith(word, StringComparison.Ordinal) && (word.Length > 0 && word[^1] == '_' && line.Length > word.Length
                || line.AsSpan(word.Length).TrimEnd(' ').IsEmpty || line[word.Length] == ':'))
                return word;
        }
        return null;
    }

    // The banners, then the families' words (the order a line is matched in), by first character; the last slot holds
    // those starting beyond ASCII, and every slot an empty word.
    private static readonly string[][] WordsStarting = [.. Enumerable.Range(0, 129).Select(first =>
        ProtocolCatalog.Banners.Concat(ModuleFamilies.Words)
            .Where(word => word.Length == 0 || (first < 128 ? word[0] == first : word[0] >= 128)).ToArray())];

    /// <summary>A word prompt of the catalog (<c>DOWNLOAD</c>, <c>CONNECT</c>), alone on its line.</summary>
    public static bool IsWordPrompt(string line) => ProtocolCatalog.WordPrompts.Contains(line);

    /// <summary>
    /// Free text no module prints as an answer: a line not in <c>+NAME</c> syntax with non-ASCII characters (a
    /// Chinese note), no letter or digit at all (a separator), or an annotation mark at the start (<c>[1] …</c>, <c>#</c>, <c>//</c>).
    /// </summary>
    public static bool IsFreeText(string line)
    {
        if (IsNamed(line)) return false;
        if (line.StartsWith('[') || line.StartsWith('#') || line.StartsWith("//", StringComparison.Ordinal)) return true;
        var letterOrDigit = false;
        foreach (var c in line)
        {
            if (c > 0x7E) return true;
            letterOrDigit |= char.IsAsciiLetterOrDigit(c);
        }
        return !letterOrDigit;
    }
}
