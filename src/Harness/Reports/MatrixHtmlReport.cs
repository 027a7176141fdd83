using System.Globalization;
using System.Xml.Linq;
using Conformance.Harness.Running;
using Conformance.Protocol.Display;

namespace Conformance.Harness.Reports;

/// <summary>
/// The farm matrix as a self-contained HTML page: scenarios down, modules across, each module's target and
/// firmware identity on top; a cell's class is its verdict and its title says why it did not pass.
/// </summary>
public static class MatrixHtmlReport
{
    private const string Style = """
        body { font-family: sans-serif; margin: 2em; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
        td.passed { background: #e6f4e6; } td.finding { background: #fff5cc; } td.failed, td.error { background: #fbe0e0; }
        td.skipped, td.not-run { color: #777; } th.module-failed { color: #b00; } th.module-passed { color: #070; }
        """;

    public static XDocument Build(FarmReport farm)
    {
        var head = new XElement("tr", new XElement("th", "scenario"),
            farm.Modules.Select(m => new XElement("th",
                new XAttribute("class", m.Passed ? "module-passed" : "module-failed"), new XAttribute("data-module", m.Module.Name), m.Module.Name)));
        var rows = new List<XElement>
        {
            Row("target", "target", farm, m => m.Module.Target),
            Row("revision", "AT+CGMR", farm, m => m.Identity.RevisionText),
            Row("identification", "ATI", farm, m => m.Identity.IdentificationText),
        };
        for (var i = 0; i < farm.Scenarios.Count; i++)
        {
            var index = i;
            var scenario = farm.Scenarios[i];
            rows.Add(new XElement("tr", new XAttribute("data-section", scenario.Scenario.Section),
                new XElement("th", $"§{scenario.Scenario.Section} {scenario.Scenario.Name}"),
                farm.Modules.Select(m => Cell(m, MatrixCell.Of(m, index)))));
        }
        rows.Add(Row("result", "module", farm, MatrixCell.Summary));
        var passed = farm.Modules.Count(m => m.Passed);
        return new XDocument(
            new XElement("html", new XAttribute("lang", "en"),
                new XElement("head", new XElement("meta", new XAttribute("charset", "utf-8")),
                    new XElement("title", "conformance farm"), new XElement("style", Style)),
                new XElement("body",
                    new XElement("h1", "conformance farm"),
                    new XElement("p", $"{passed} of {farm.Modules.Count} modules passed; {farm.Scenarios.Count} scenarios each; started " +
                        farm.Started.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)),
                    new XElement("table", new XAttribute("id", "matrix"), new XElement("thead", head), new XElement("tbody", rows)))));
    }

    public static void Write(FarmReport farm, Stream stream)
    {
        using var writer = new StreamWriter(stream, leaveOpen: true);
        // No XML declaration: the page is HTML, written with every element closed.
        writer.Write("<!DOCTYPE html>\n");
        writer.Write(Build(farm).Root!.ToString(SaveOptions.DisableFormatting));
    }

    private static XElement Row(string kind, string label, FarmReport farm, Func<ModuleResult, string> value) =>
        new("tr", new XAttribute("class", kind), new XElement("th", label),
            farm.Modules.Select(m => new XElement("td", new XAttribute("data-module", m.Module.Name), Text(value(m)))));

    private static XElement Cell(ModuleResult module, MatrixCell cell) =>
        new("td",
            new XAttribute("class", cell.Verdict == Verdict.NotRun ? "not-run" : cell.Text),
            new XAttribute("data-module", module.Module.Name),
            cell.Detail.Length > 0 ? new XAttribute("title", Text(cell.Detail)) : null,
            cell.Text);

    private static string Text(string text) => PrintableText.Escape(text);
}
