using System.Globalization;
using CsvHelper;
using Conformance.Analyzer.Reports;
using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Tests.Reports;

public class CsvReportTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Path.Combine(Path.GetTempPath(), "csv-report-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteDirectory()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public void Every_exchange_reads_back_with_its_line_final_and_latency()
    {
        var analysis = TimelineBuilder.Analyze(Sessions.Chapter4().Records);
        CsvReport.Write(analysis, _directory);

        var rows = Read(CsvReport.ExchangesFile);
        Assert.That(rows, Has.Count.EqualTo(analysis.Exchanges.Count));
        Assert.That(rows.Select(r => (long.Parse(r["line"], CultureInfo.InvariantCulture), r["command"], r["final"])),
            Is.EqualTo(analysis.Exchanges.Select(e => (e.Line, e.Command, e.Final ?? ""))));
        Assert.That(rows[0]["latency_ms"], Is.EqualTo("12"));
        Assert.That(rows.Single(r => r["command"] == "AT+CSQ")["information"], Is.EqualTo("+CSQ: 24,99"));
    }

    [Test]
    public void Urcs_and_diagnostics_read_back()
    {
        var analysis = TimelineBuilder.Analyze(Sessions.Chapter4().Records);
        CsvReport.Write(analysis, _directory);

        var urcs = Read(CsvReport.UrcsFile);
        Assert.That(urcs.Select(u => u["name"]), Is.EqualTo(analysis.Urcs.Select(u => u.Name)));
        Assert.That(urcs[0]["answers_line"], Is.EqualTo(analysis.Urcs[0].CommandLine!.Value.ToString(CultureInfo.InvariantCulture)));
        var diagnostics = Read(CsvReport.DiagnosticsFile);
        Assert.That(diagnostics.Single(d => d["code"] == "cme-error")["severity"], Is.EqualTo("warn"));
    }

    [Test]
    public void The_api_key_is_in_no_file()
    {
        CsvReport.Write(TimelineBuilder.Analyze(Sessions.Messy().Records), _directory);

        foreach (var file in Directory.GetFiles(_directory))
            Assert.That(File.ReadAllText(file), Does.Not.Contain(Sessions.ApiKey), file);
    }

    private List<Dictionary<string, string>> Read(string file)
    {
        using var reader = new StreamReader(Path.Combine(_directory, file));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h)!));
        return rows;
    }
}

/// <summary>What a CSV cell becomes: the module's text, readable and inert in a spreadsheet.</summary>
public class CsvCellTests
{
    [TestCase("+MQTTOPEN: 0", "+MQTTOPEN: 0")]
    [TestCase("-1", "-1")]
    [TestCase("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [TestCase("@SUM(A1)", "'@SUM(A1)")]
    [TestCase("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [TestCase("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [TestCase("\u001b[2J\u0007\0\u009b", @"\x1b[2J\x07\x00\x9b")]
    public void A_cell_shows_control_characters_and_never_runs_as_a_formula(string text, string cell) =>
        Assert.That(Report.Cell(text), Is.EqualTo(cell));
}
