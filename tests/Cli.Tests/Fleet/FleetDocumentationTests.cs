using System.Text.RegularExpressions;
using Conformance.Fleet.Storage;

namespace Conformance.Cli.Tests.Fleet;

/// <summary>docs/fleet.md lists every column of every table with its type, as the tables are made.</summary>
public sealed partial class FleetDocumentationTests
{
    [GeneratedRegex(@"^\| `(?<name>[a-z_]+)` \| (?<type>[A-Z]+) \|", RegexOptions.Multiline)]
    private static partial Regex Row();

    [GeneratedRegex(@"(?<name>[a-z_]+) (?<type>[A-Z]+)")]
    private static partial Regex Column();

    [Test]
    public void Every_table_is_documented_with_its_columns_and_types_in_order()
    {
        var doc = File.ReadAllText(Documentation.Path("fleet.md"));
        foreach (var (table, columns) in FleetTables.All)
        {
            var start = doc.IndexOf($"### `{table}`", StringComparison.Ordinal);
            Assert.That(start, Is.GreaterThan(0), $"docs/fleet.md has a section for {table}");
            var end = doc.IndexOf("\n###", start + 1, StringComparison.Ordinal);
            var documented = Row().Matches(doc[start..end]).Select(m => (m.Groups["name"].Value, m.Groups["type"].Value));
            var made = Column().Matches(columns).Select(m => (m.Groups["name"].Value, m.Groups["type"].Value));
            Assert.That(documented, Is.EqualTo(made), table);
        }
    }
}
