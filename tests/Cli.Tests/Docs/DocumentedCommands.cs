using System.Text.RegularExpressions;

namespace Conformance.Cli.Tests.Docs;

/// <summary>
/// The <c>conformance …</c> command lines the user is shown in README.md and docs/*.md, as a user would copy them:
/// from code blocks, and from inline code in the text.
/// </summary>
public static partial class DocumentedCommands
{
    /// <summary>
    /// One command line: the file and line it is written on, its words, its verb (<c>fleet report</c> for a sub-verb),
    /// and whether it stands in a code block (an example to copy) or in the text (where a word may be a placeholder).
    /// </summary>
    public sealed record Line(string File, int Number, string Text, IReadOnlyList<string> Words, bool InBlock)
    {
        public string Verb => Words.Count > 2 && Words[1] == "fleet" && Words[2] is "report" or "query" ? $"fleet {Words[2]}" : Words[1];
        public override string ToString() => $"{File}:{Number}: {Text}";
    }

    /// <summary>The repository's root, found above the test binaries by its docs folder.</summary>
    public static string Root => Path.GetDirectoryName(Path.GetDirectoryName(Documentation.Path("fleet.md")))!;

    /// <summary>README.md and every page of docs/, as paths relative to the root.</summary>
    public static IEnumerable<string> Pages =>
        Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal)
            .Select(path => Path.GetRelativePath(Root, path)).Prepend("README.md");

    [GeneratedRegex(@"`(conformance [^`]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\bconformance [a-z].*")]
    private static partial Regex Command();

    // A shell comment ends what a line runs.
    [GeneratedRegex(@"\s#(\s|$)")]
    private static partial Regex Comment();

    // What separates commands on a line: a chain, a pipe, a job in the background, the arrow of an example's answer.
    [GeneratedRegex(@"&&|\|\||\|\s|;|\s→|\s&(\s|$)")]
    private static partial Regex Separator();

    /// <summary>The <c>conformance …</c> commands of a shell line.</summary>
    private static IEnumerable<string> Commands(string text) =>
        Separator().Split(Comment().Split(text)[0]).Select(part => Command().Match(part)).Where(m => m.Success).Select(m => m.Value.Trim());

    public static IEnumerable<Line> All => Pages.SelectMany(page => Read(page, File.ReadAllLines(Path.Combine(Root, page))));

    private static IEnumerable<Line> Read(string page, string[] lines)
    {
        var fence = "";
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                fence = fence.Length == 0 ? trimmed : "";
                continue;
            }
            var commands = fence.Length > 0
                ? fence is "```sh" or "```" ? Commands(lines[i]) : []
                : InlineCode().Matches(lines[i]).SelectMany(m => Commands(m.Groups[1].Value));
            foreach (var command in commands)
            {
                var words = Words(command);
                // "conformance 0.1.0" (a trace's tool line) and "conformance: …" (an error message) are no commands.
                if (words.Count > 1 && char.IsAsciiLetterLower(words[1][0])) yield return new Line(page, i + 1, command, words, fence.Length > 0);
            }
        }
    }

    /// <summary>Splits a command line into words as a shell does: spaces outside quotes, quotes removed.</summary>
    private static List<string> Words(string command)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        char quote = '\0';
        var any = false;
        foreach (var c in command)
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else word.Append(c);
            }
            else if (c is '\'' or '"') { quote = c; any = true; }
            else if (c == ' ')
            {
                if (word.Length > 0 || any) words.Add(word.ToString());
                word.Clear();
                any = false;
            }
            else word.Append(c);
        }
        if (word.Length > 0 || any) words.Add(word.ToString());
        return words;
    }
}
