using System.Text.Json;
using Conformance.Analyzer.Reports;
using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Tests.Reports;

public class JsonReportTests
{
    [Test]
    public void The_documented_fields_read_back()
    {
        var analysis = TimelineBuilder.Analyze(Sessions.Chapter4().Records);
        using var stream = new MemoryStream();
        JsonReport.Write(analysis, stream);

        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;
        var summary = root.GetProperty("summary");
        Assert.That(summary.GetProperty("commands").GetInt64(), Is.EqualTo(17));
        Assert.That(summary.GetProperty("ok").GetInt64(), Is.EqualTo(16));
        Assert.That(summary.GetProperty("errors").GetInt64(), Is.EqualTo(1));
        Assert.That(summary.GetProperty("unanswered").GetInt64(), Is.Zero);
        Assert.That(summary.GetProperty("urcs").GetInt64(), Is.EqualTo(analysis.Urcs.Count));
        Assert.That(summary.GetProperty("reconnects").GetInt64(), Is.Zero);

        var first = root.GetProperty("exchanges")[0];
        Assert.That((first.GetProperty("line").GetInt64(), first.GetProperty("command").GetString(), first.GetProperty("final").GetString()),
            Is.EqualTo((1L, "AT", "OK")));
        Assert.That(first.GetProperty("latencyMs").GetDouble(), Is.EqualTo(12));
        Assert.That(root.GetProperty("urcs")[0].GetProperty("name").GetString(), Is.EqualTo("+MQTTOPEN"));

        var error = root.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "cme-error");
        Assert.That(error.GetProperty("severity").GetString(), Is.EqualTo("warn"));
        Assert.That(error.GetProperty("line").GetInt64(), Is.EqualTo(analysis.Exchanges[^2].Line + 1));
        Assert.That(error.GetProperty("message").GetString(), Does.Contain("operation not allowed"));
    }

    [Test]
    public void Unknown_latency_is_null()
    {
        var text = JsonReport.Write(TimelineBuilder.Analyze(Sessions.Chapter4(timed: false).Records));

        using var json = JsonDocument.Parse(text);
        Assert.That(json.RootElement.GetProperty("exchanges").EnumerateArray().Select(e => e.GetProperty("latencyMs").ValueKind),
            Is.All.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public void The_analysis_round_trips()
    {
        var analysis = TimelineBuilder.Analyze(Sessions.Reconnection().Records);

        var back = JsonSerializer.Deserialize<Analysis>(JsonReport.Write(analysis), JsonReport.Options)!;

        Assert.That(back.Summary, Is.EqualTo(analysis.Summary));
        Assert.That(back.Reconnections, Is.EqualTo(analysis.Reconnections));
        Assert.That(back.Diagnostics, Is.EqualTo(analysis.Diagnostics));
        Assert.That(back.StateChanges, Is.EqualTo(analysis.StateChanges));
    }

    /// <summary>Times are the log's wall clock as written: a zone in a stamp is read past, and no offset is made up.</summary>
    [Test]
    public void Times_are_written_as_the_logs_wall_clock_without_a_zone()
    {
        var analysis = Conformance.Analyzer.Tests.Readers.TempLog.Analyze(
            "2024-01-02T10:11:12.123+08:00 AT+CSQ\n2024-01-02T10:11:12.150+08:00 +CSQ: 20,99\n2024-01-02T10:11:12.151+08:00 OK\n");

        var exchange = JsonDocument.Parse(JsonReport.Write(analysis)).RootElement.GetProperty("exchanges")[0];

        Assert.That(exchange.GetProperty("time").GetString(), Is.EqualTo("2024-01-02T10:11:12.123"));
        var folder = Directory.CreateTempSubdirectory("wall-clock-").FullName;
        try
        {
            var exchanges = CsvReport.Write(analysis, folder)[0];
            Assert.That(File.ReadAllText(exchanges), Does.Contain("2024-01-02T10:11:12.123,"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A log that stamps the time of day only gets no invented date; after midnight the days it crossed come first.</summary>
    [Test]
    public void A_log_without_a_date_shows_its_times_of_day_and_no_invented_date()
    {
        var analysis = Conformance.Analyzer.Tests.Readers.TempLog.Analyze(
            "[23:59:59.900] AT+CSQ\n[23:59:59.950] +CSQ: 20,99\n[23:59:59.960] OK\n[00:00:01.500] AT+CSQ\n[00:00:01.530] +CSQ: 21,99\n[00:00:01.540] OK\n");

        var json = JsonReport.Write(analysis);
        var times = JsonDocument.Parse(json).RootElement.GetProperty("exchanges").EnumerateArray().Select(e => e.GetProperty("time").GetString());

        Assert.That(times, Is.EqualTo(new[] { "23:59:59.9", "1.00:00:01.5" }));
        Assert.That(json, Does.Not.Contain("2000-"));
        var back = JsonSerializer.Deserialize<Analysis>(json, JsonReport.Options)!;
        Assert.That(back.Exchanges.Select(e => e.Time), Is.EqualTo(analysis.Exchanges.Select(e => e.Time)));
        var folder = Directory.CreateTempSubdirectory("wall-clock-").FullName;
        try
        {
            var exchanges = File.ReadAllText(CsvReport.Write(analysis, folder)[0]);
            Assert.That(exchanges, Does.Contain(",23:59:59.9,").And.Contain(",1.00:00:01.5,").And.Not.Contain("2000-"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
