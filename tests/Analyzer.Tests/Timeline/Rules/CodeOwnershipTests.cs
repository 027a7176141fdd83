using System.Reflection;
using System.Text.RegularExpressions;
using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Timeline;
using Conformance.Protocol.Codes;

namespace Conformance.Analyzer.Tests.Timeline.Rules;

/// <summary>
/// Every diagnostic code has exactly one owner in the timeline (correlation, the session or one rule), and only its
/// owner reports it: a new code cannot be left without a rule, nor raised from two places.
/// </summary>
public partial class CodeOwnershipTests
{
    private static readonly IReadOnlyList<(Type Owner, CodeEntry Code)> Owned =
    [
        .. typeof(TimelineBuilder).Assembly.GetTypes()
            .Where(t => !t.IsInterface && typeof(ICodeOwner).IsAssignableFrom(t))
            .SelectMany(t => Codes(t).Select(c => (t, c))),
    ];

    private static IReadOnlyList<CodeEntry> Codes(Type owner) =>
        (IReadOnlyList<CodeEntry>)owner.GetProperty(nameof(ICodeOwner.Codes), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    [Test]
    public void Every_code_of_the_analyzer_has_exactly_one_owner()
    {
        var owners = Owned.ToLookup(o => o.Code, o => o.Owner.Name);

        Assert.Multiple(() =>
        {
            foreach (var code in DiagnosticCodes.All)
                Assert.That(owners[code], Has.Exactly(1).Items, $"owners of {code.Code}");
            Assert.That(Owned.Select(o => o.Code), Is.SubsetOf(DiagnosticCodes.All), "an owned code the analyzer does not list");
        });
        Assert.That(Owned.Select(o => o.Owner.Name).Distinct(), Is.SupersetOf(new[] { nameof(Correlation), nameof(SessionTracker) }));
    }

    [Test]
    public void Every_code_the_analyzer_names_is_in_its_list()
    {
        var named = typeof(DiagnosticCodes).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(CodeEntry))
            .Select(p => (CodeEntry)p.GetValue(null)!);

        Assert.That(named, Is.EquivalentTo(DiagnosticCodes.All));
    }

    [Test]
    public void Only_its_owner_reports_a_code()
    {
        var timeline = Path.Combine(Path.GetDirectoryName(Documentation.Path("architecture.md"))!, "..", "src", "Analyzer", "Timeline");
        var byName = typeof(DiagnosticCodes).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(CodeEntry))
            .ToDictionary(p => p.Name, p => (CodeEntry)p.GetValue(null)!);
        var owned = Owned.ToLookup(o => o.Owner.Name, o => o.Code);
        var files = Directory.EnumerateFiles(timeline, "*.cs", SearchOption.AllDirectories).ToList();

        Assert.That(files, Has.Count.GreaterThan(10));
        Assert.Multiple(() =>
        {
            foreach (var file in files)
            {
                var type = Path.GetFileNameWithoutExtension(file);
                var reported = CodeName().Matches(File.ReadAllText(file))
                    .Select(m => byName.GetValueOrDefault(m.Groups[1].Value)).OfType<CodeEntry>().Distinct();
                Assert.That(reported, Is.SubsetOf(owned[type]), $"codes named in {Path.GetFileName(file)}");
            }
        });
    }

    [GeneratedRegex(@"DiagnosticCodes\.(\w+)")]
    private static partial Regex CodeName();
}
