using Conformance.Protocol.Errors;

namespace Conformance.Protocol.Tests.Errors;

/// <summary>The error table explains every code the manual and the module family use.</summary>
public class CmeErrorsTests
{
    [TestCase(601, "syntax", "2.1")]
    [TestCase(602, "registered", "2.1")]
    [TestCase(651, "not allowed", "2.1")]
    [TestCase(652, "busy", "2.1")]
    [TestCase(653, "resource", "2.1")]
    [TestCase(3, "operation not allowed", "1.7")]
    [TestCase(0, "phone failure", "2.1")]
    [TestCase(4, "not supported", "2.1")]
    [TestCase(10, "SIM", "2.1")]
    [TestCase(30, "no network service", "2.1")]
    [TestCase(31, "timeout", "2.1")]
    [TestCase(50, "incorrect parameters", "2.1")]
    [TestCase(100, "unknown", "2.1")]
    public void Every_code_of_the_manual_is_explained(int code, string meaning, string section)
    {
        var error = CmeErrors.Describe(code);

        Assert.That(error.Meaning, Does.Contain(meaning));
        Assert.That(error.Section, Is.EqualTo(section));
        Assert.That(CmeErrors.All, Does.Contain(error));
    }

    [Test]
    public void Code_outside_the_table_says_so() =>
        Assert.That(CmeErrors.Describe(7), Is.EqualTo(new CmeError(7, CmeErrors.NotInTable, "2.1")));

    [Test]
    public void Codes_are_unique_and_ascending() =>
        Assert.That(CmeErrors.All.Select(e => e.Code), Is.Unique.And.Ordered);
}
