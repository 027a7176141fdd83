using System.Reflection;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Tests.Codes;

/// <summary>The one code list: complete, unique, and the only way to make a deviation.</summary>
public class CodeListTests
{
    private static IEnumerable<CodeEntry> Declared() =>
        typeof(CodeList).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(CodeEntry)).Select(f => (CodeEntry)f.GetValue(null)!);

    [Test]
    public void Every_declared_code_is_listed_once()
    {
        Assert.That(CodeList.All, Is.Unique);
        Assert.That(CodeList.All.Select(c => c.Code), Is.Unique);
        Assert.That(CodeList.All, Is.EquivalentTo(Declared()));
    }

    [Test]
    public void Every_code_is_kebab_case_with_a_one_line_meaning_and_a_section_or_none()
    {
        foreach (var code in CodeList.All)
        {
            Assert.That(code.Code, Does.Match("^[a-z0-9]+(-[a-z0-9]+)+$|^noise$"), code.Code);
            Assert.That(code.Meaning, Does.EndWith(".").And.Not.Contain('\n'), code.Code);
            Assert.That(code.Section, Does.Match(@"^(\d+(\.\d+)*)?$"), code.Code);
        }
    }

    [Test]
    public void A_deviation_or_an_entry_cannot_be_made_from_a_free_string()
    {
        Assert.That(typeof(Deviation).GetConstructors(), Is.Empty, "Deviation has a public constructor");
        Assert.That(typeof(CodeEntry).GetConstructors(), Is.Empty, "CodeEntry has a public constructor");
    }

    [Test]
    public void A_deviation_carries_its_entry_s_code_and_section_unless_the_line_names_its_own()
    {
        Assert.That(Deviation.Of(CodeList.UnquotedTopic, "m").ToString(), Is.EqualTo("unquoted-topic (manual §1.11): m"));
        Assert.That(Deviation.Of(CodeList.NoSpaceAfterColon, "m", "1.7").Section, Is.EqualTo("1.7"));
    }
}
