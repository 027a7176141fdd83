using System.Text.RegularExpressions;
using Conformance.Analyzer.Readers;

namespace Conformance.Cli.Tests.Docs;

/// <summary>The table of formats in docs/analyzer.md has a row for every name <c>--format</c> takes, and no other.</summary>
public sealed partial class FormatTableTests
{
    [GeneratedRegex(@"`(?<name>[a-z-]+)`")]
    private static partial Regex Name();

    [Test]
    public void Every_format_name_has_its_row_in_the_formats_table()
    {
        var doc = File.ReadAllText(Documentation.Path("analyzer.md")).ReplaceLineEndings("\n");
        var start = doc.IndexOf("\n## Formats\n", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThan(0), "docs/analyzer.md has a section Formats");
        var table = doc[start..].Split('\n').SkipWhile(line => !line.StartsWith('|')).TakeWhile(line => line.StartsWith('|')).Skip(2);
        var documented = table.SelectMany(row => Name().Matches(row.Split('|')[1]).Select(m => m.Groups["name"].Value));
        Assert.That(documented, Is.EquivalentTo(LogFormatNames.All));
    }
}
