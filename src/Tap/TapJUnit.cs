using System.Globalization;
using System.Xml;
using Conformance.Protocol.Codes;

namespace Conformance.Tap;

/// <summary>
/// The tap's summary as JUnit XML for a CI dashboard (docs/tap.md, "JUnit"): one test suite <c>tap</c>, one test case
/// per command seen (failed when any of them answered ERROR or got no final result) and one per diagnostic code (failed
/// at warn or error severity; notes pass).
/// </summary>
public static class TapJUnit
{
    /// <summary>How many test cases of <paramref name="result"/> fail.</summary>
    public static int Failures(TapResult result) => Cases(result).Count(c => c.Failure is not null);

    public static void Write(TapResult result, Stream output)
    {
        var cases = Cases(result);
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", "tap");
        xml.WriteAttributeString("tests", Number(cases.Count));
        xml.WriteAttributeString("failures", Number(cases.Count(c => c.Failure is not null)));
        xml.WriteAttributeString("errors", "0");
        xml.WriteStartElement("properties");
        Property(xml, "trace", result.Trace);
        Property(xml, "ended", result.End.Reason);
        xml.WriteEndElement();
        foreach (var (kind, name, failure, detail) in cases)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", $"tap.{kind}");
            xml.WriteAttributeString("name", name);
            if (failure is not null)
            {
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", failure);
                xml.WriteEndElement();
            }
            if (detail is not null) xml.WriteElementString("system-out", detail);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static List<(string Kind, string Name, string? Failure, string? Output)> Cases(TapResult result)
    {
        var analysis = result.Analysis;
        var cases = new List<(string, string, string?, string?)>();
        foreach (var c in analysis.Statistics.Commands)
        {
            var problems = new List<string>();
            if (c.Errors > 0) problems.Add($"{c.Errors} of {c.Count} answered an error");
            if (c.Timeouts > 0) problems.Add($"{c.Timeouts} of {c.Count} got no final result");
            cases.Add(("commands", c.Command, problems.Count > 0 ? string.Join(", ", problems) : null,
                $"{c.Count} sent, {c.Ok} OK, median {Milliseconds(c.MedianMs)}, max {Milliseconds(c.MaxMs)}"));
        }
        foreach (var d in analysis.Statistics.Diagnostics)
        {
            var lines = analysis.Diagnostics.Where(x => x.Code == d.Code).Select(x => $"line {x.Line}: {x.Message}");
            var detail = string.Join("\n", lines);
            var text = $"{d.Count} × {d.Severity.ToString().ToLowerInvariant()}";
            cases.Add(("diagnostics", d.Code, d.Severity >= Severity.Warn ? text : null, detail.Length > 0 ? detail : text));
        }
        return cases;
    }

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }

    private static string Milliseconds(double? ms) => ms is { } v ? $"{v.ToString("0.#", CultureInfo.InvariantCulture)} ms" : "unknown";

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
