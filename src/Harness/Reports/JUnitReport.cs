using System.Globalization;
using System.Xml.Linq;
using Conformance.Harness.Running;
using Conformance.Protocol.Display;

namespace Conformance.Harness.Reports;

/// <summary>
/// The run as JUnit XML for CI systems: a <c>testsuite</c> per suite, a <c>testcase</c> per scenario named by
/// its section; findings go to <c>system-out</c>, the run's abort reason to an <c>error</c>.
/// </summary>
public static class JUnitReport
{
    public static XDocument Build(RunReport report)
    {
        var suites = report.Scenarios.GroupBy(s => s.Suite).Select(group => new XElement("testsuite",
            new XAttribute("name", group.Key),
            new XAttribute("tests", group.Count()),
            new XAttribute("failures", group.Count(s => s.Outcome == Outcome.Failed)),
            new XAttribute("errors", group.Count(s => s.Outcome is Outcome.Error or Outcome.NotRun)),
            new XAttribute("skipped", group.Count(s => s.Outcome == Outcome.Skipped)),
            new XAttribute("time", Seconds(TimeSpan.FromTicks(group.Sum(s => s.Duration.Ticks)))),
            group.Select(TestCase)));
        return new XDocument(new XElement("testsuites",
            new XAttribute("name", $"conformance {report.Target}"),
            new XAttribute("tests", report.Scenarios.Count),
            new XAttribute("failures", report.Count(Outcome.Failed)),
            new XAttribute("errors", report.Count(Outcome.Error) + report.Count(Outcome.NotRun)),
            new XAttribute("skipped", report.Count(Outcome.Skipped)),
            new XAttribute("time", Seconds(report.Duration)),
            new XAttribute("timestamp", Timestamp(report.Started)),
            suites));
    }

    public static void Write(RunReport report, string path) => Build(report).Save(path);

    internal static XElement TestCase(ScenarioResult scenario)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", $"{scenario.Suite}.§{scenario.Section}"),
            new XAttribute("name", scenario.Title),
            new XAttribute("time", Seconds(scenario.Duration)));
        switch (scenario.Outcome)
        {
            case Outcome.Failed:
                element.Add(new XElement("failure", new XAttribute("message", Text(scenario.Message)), Steps(scenario)));
                break;
            case Outcome.Error or Outcome.NotRun:
                element.Add(new XElement("error", new XAttribute("message", Text(scenario.Message)), Steps(scenario)));
                break;
            case Outcome.Skipped:
                element.Add(new XElement("skipped", new XAttribute("message", Text(scenario.Message))));
                break;
        }
        if (scenario.Findings.Count > 0)
            element.Add(new XElement("system-out", string.Join('\n', scenario.Findings.Select(f => Text($"finding {f}")))));
        return element;
    }

    private static string Steps(ScenarioResult scenario) => string.Join('\n',
        scenario.Steps.Select(s => Text($"{s.Outcome,-6} §{s.Section} {s.Description} ({s.Duration.TotalMilliseconds:0} ms){(s.Message is null ? "" : ": " + s.Message)}")));

    // XML 1.0 cannot hold control characters: a module's escape sequence is written as the text \x1b.
    internal static string Text(string? text) => PrintableText.Escape(text ?? "");

    internal static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    internal static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
}
