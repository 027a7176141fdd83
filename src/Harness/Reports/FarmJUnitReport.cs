using System.Globalization;
using System.Xml.Linq;
using Conformance.Harness.Running;

namespace Conformance.Harness.Reports;

/// <summary>
/// A farm run as JUnit XML: one <c>testsuite</c> per module, named after it, with its target and firmware identity
/// as properties and a <c>testcase</c> per scenario as in <see cref="JUnitReport"/>; a module that could not run
/// has one <c>testcase</c> with the error.
/// </summary>
public static class FarmJUnitReport
{
    public static XDocument Build(FarmReport farm)
    {
        var suites = farm.Modules.Select(Suite).ToList();
        return new XDocument(new XElement("testsuites",
            new XAttribute("name", "conformance farm"),
            Sum(suites, "tests"), Sum(suites, "failures"), Sum(suites, "errors"), Sum(suites, "skipped"),
            new XAttribute("time", JUnitReport.Seconds(farm.Duration)),
            new XAttribute("timestamp", JUnitReport.Timestamp(farm.Started)),
            suites));
    }

    private static XElement Suite(ModuleResult module)
    {
        var properties = new XElement("properties",
            Property("module", module.Module.Name),
            Property("target", module.Module.Target),
            Property("firmware.revision", module.Identity.RevisionText),
            Property("firmware.identification", module.Identity.IdentificationText));
        if (module.Report is not { } report)
            return new XElement("testsuite",
                new XAttribute("name", module.Module.Name), new XAttribute("tests", 1), new XAttribute("failures", 0),
                new XAttribute("errors", 1), new XAttribute("skipped", 0), new XAttribute("time", JUnitReport.Seconds(TimeSpan.Zero)),
                properties,
                new XElement("testcase", new XAttribute("classname", module.Module.Name), new XAttribute("name", "link"),
                    new XElement("error", new XAttribute("message", JUnitReport.Text(module.Error)))));
        return new XElement("testsuite",
            new XAttribute("name", module.Module.Name),
            new XAttribute("tests", report.Scenarios.Count),
            new XAttribute("failures", report.Count(Outcome.Failed)),
            new XAttribute("errors", report.Count(Outcome.Error) + report.Count(Outcome.NotRun)),
            new XAttribute("skipped", report.Count(Outcome.Skipped)),
            new XAttribute("time", JUnitReport.Seconds(report.Duration)),
            new XAttribute("timestamp", JUnitReport.Timestamp(report.Started)),
            properties,
            report.Scenarios.Select(JUnitReport.TestCase));
    }

    private static XElement Property(string name, string value) =>
        new("property", new XAttribute("name", name), new XAttribute("value", JUnitReport.Text(value)));

    private static XAttribute Sum(List<XElement> suites, string name) =>
        new(name, suites.Sum(s => int.Parse((string)s.Attribute(name)!, CultureInfo.InvariantCulture)));
}
