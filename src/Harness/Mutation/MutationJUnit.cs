using System.Globalization;
using System.Xml.Linq;

namespace Conformance.Harness.Mutation;

/// <summary>
/// The mutation run as JUnit XML, so CI can gate on it: a <c>testcase</c> per mutant, failed when it survived
/// though it must die (or died though only its form differs); the scenarios that killed it go to <c>system-out</c>.
/// </summary>
public static class MutationJUnit
{
    public static XDocument Build(MutationReport report)
    {
        var failures = report.Mutants.Count(m => !m.AsExpected(report.Strict));
        return new XDocument(new XElement("testsuites",
            new XAttribute("name", "conformance mutate"),
            new XAttribute("tests", report.Mutants.Count),
            new XAttribute("failures", failures),
            new XAttribute("time", Seconds(report.Duration)),
            new XElement("testsuite",
                new XAttribute("name", report.Strict ? "mutants (strict)" : "mutants"),
                new XAttribute("tests", report.Mutants.Count),
                new XAttribute("failures", failures),
                new XAttribute("errors", 0),
                new XAttribute("skipped", 0),
                new XAttribute("time", Seconds(report.Duration)),
                report.Mutants.Select(m => TestCase(m, report.Strict)))));
    }

    public static void Write(MutationReport report, string path) => Build(report).Save(path);

    private static XElement TestCase(MutantResult result, bool strict)
    {
        var mutant = result.Mutant;
        var element = new XElement("testcase",
            new XAttribute("classname", $"mutants.§{mutant.Section}"),
            new XAttribute("name", $"{mutant.Name}: {mutant.Description}"),
            new XAttribute("time", Seconds(result.Run.Duration)));
        if (!result.AsExpected(strict)) element.Add(new XElement("failure", new XAttribute("message", result.Verdict(strict))));
        if (result.Killed) element.Add(new XElement("system-out", string.Join('\n', result.Kills.Select(k => $"killed by {k.Title}: {k.Message}"))));
        return element;
    }

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
