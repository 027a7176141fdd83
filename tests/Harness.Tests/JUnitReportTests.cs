using System.Xml.Linq;
using Conformance.Harness.Reports;
using Conformance.Harness.Running;
using Conformance.Harness.Tests.Doubles;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Tests;

public class JUnitReportTests
{
    [Test]
    public async Task A_run_read_back_from_its_junit_file_has_every_scenario_with_its_outcome()
    {
        var (report, _) = await HarnessRun.RunAsync(new FakeModule(Dialect.Field, Fault.WrongMqttStat), HarnessRun.Select());
        var path = Path.Combine(Path.GetTempPath(), $"junit-{Guid.NewGuid():N}.xml");
        try
        {
            JUnitReport.Write(report, path);
            var root = XDocument.Load(path).Root!;

            var cases = root.Descendants("testcase").ToList();
            Assert.That(root.Name.LocalName, Is.EqualTo("testsuites"));
            Assert.That(cases.Select(c => (string)c.Attribute("name")!), Is.EqualTo(report.Scenarios.Select(s => s.Title)));
            Assert.That((int)root.Attribute("failures")!, Is.EqualTo(1));
            var failure = cases.Single(c => c.Element("failure") is not null);
            Assert.That((string)failure.Attribute("classname")!, Is.EqualTo("Stat.§1.3"));
            Assert.That((string)failure.Element("failure")!.Attribute("message")!, Does.Contain("MqttState.Initialised"));
            Assert.That(cases.Select(c => c.Element("system-out")?.Value ?? ""), Has.Some.Contains("finding note §1.3 no-space-after-colon"),
                "the field dialect's deviations are findings");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
