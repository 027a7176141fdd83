using System.Text.RegularExpressions;
using Conformance.Analyzer.Diagnostics;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Families;

namespace Conformance.Analyzer.Tests.Diagnostics;

/// <summary>
/// The code tables of the docs are the code list, row for row. Run with <c>CONFORMANCE_WRITE_DOCS=1</c> to rewrite
/// a table from the list instead of failing.
/// </summary>
public partial class CodeTableTests
{
    private const string Header = "| code | severity | section | meaning |";

    [Test]
    public void Codes_md_lists_every_code() => AssertTable("codes.md", CodeList.All);

    [Test]
    public void Analyzer_json_md_lists_every_diagnostic() => AssertTable("analyzer-json.md", DiagnosticCodes.All);

    [Test]
    public void Every_code_the_dialects_page_reports_is_in_the_list()
    {
        var known = CodeList.All.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var reported = File.ReadLines(Documentation.Path("dialects.md"))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(line => Code().Matches(line.Split('|')[^2]).Select(m => m.Groups[1].Value))
            .ToList();

        Assert.That(reported, Is.Not.Empty);
        Assert.That(reported.Where(code => !known.Contains(code)), Is.Empty);
    }

    [Test]
    public void Every_line_another_familys_codes_are_read_from_is_named_in_codes_md()
    {
        var page = File.ReadAllText(Documentation.Path("codes.md"));
        var lines = ModuleFamilies.All.SelectMany(f => (f.Results ?? []).Select(r => r.Line).Concat(f.Errors is { } e ? [e.Prefix] : []));

        Assert.That(lines.Distinct().Where(line => !page.Contains($"`{line}", StringComparison.Ordinal)), Is.Empty);
    }

    private static void AssertTable(string page, IReadOnlyList<CodeEntry> codes)
    {
        var path = Documentation.Path(page);
        var lines = File.ReadAllLines(path).ToList();
        var start = lines.IndexOf(Header);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"docs/{page} has no line '{Header}'");
        var end = lines.FindIndex(start + 2, line => !line.StartsWith('|'));
        if (end < 0) end = lines.Count;
        var written = lines[(start + 2)..end];
        var expected = codes.Select(Row).ToList();
        if (written.SequenceEqual(expected)) return;

        if (Environment.GetEnvironmentVariable("CONFORMANCE_WRITE_DOCS") == "1")
        {
            lines.RemoveRange(start + 2, end - start - 2);
            lines.InsertRange(start + 2, expected);
            File.WriteAllText(path, string.Join('\n', lines) + "\n");
            return;
        }
        var missing = expected.Except(written).ToList();
        var extra = written.Except(expected).ToList();
        Assert.Fail($"the table in docs/{page} differs from the code list (CONFORMANCE_WRITE_DOCS=1 rewrites it)\n" +
            $"missing rows:\n{string.Join('\n', missing)}\nextra rows:\n{string.Join('\n', extra)}" +
            (missing.Count + extra.Count == 0 ? "\nsame rows in another order" : ""));
    }

    private static string Row(CodeEntry code) =>
        $"| `{code.Code}` | {code.Severity.ToString().ToLowerInvariant()} | {(code.Section.Length > 0 ? "§" + code.Section : "—")} | {code.Meaning.Replace("|", "\\|")} |";

    [GeneratedRegex("`([a-z0-9]+(?:-[a-z0-9]+)+)`")]
    private static partial Regex Code();
}
