using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

public class SessionTests
{
    [TestCaseSource(typeof(SessionLogs), nameof(SessionLogs.All))]
    public void Every_format_gives_the_same_traffic(LogFormat format, byte[] log)
    {
        var (source, records) = TempLog.Read(log, format);

        Assert.That(Traffic.Lines(records), Is.EqualTo(SessionLogs.Expected));
        Assert.That(source.BytesRead, Is.EqualTo(source.TotalBytes));
    }

    [TestCaseSource(typeof(SessionLogs), nameof(SessionLogs.All))]
    public void Detection_recognises_every_format(LogFormat format, byte[] log)
    {
        var (source, _) = TempLog.Read(log);

        Assert.That(source.Format, Is.EqualTo(format));
        Assert.That(source.Detection.Confidence, Is.GreaterThanOrEqualTo(0.6), () => string.Join(", ", source.Detection.Scores));
        Assert.That(source.Detection.RunnerUp, Is.Not.EqualTo(format));
    }

    [TestCaseSource(typeof(SessionLogs), nameof(SessionLogs.All))]
    public void Lines_point_into_the_original_file(LogFormat format, byte[] log)
    {
        var fileLines = System.Text.Encoding.UTF8.GetString(log).Split('\n');
        var (_, records) = TempLog.Read(log, format);

        Assert.That(records.Select(r => r.Line), Is.Ordered);
        // Formats that write the bytes in hex or escaped are left out (VS Code's monitor only what it sent).
        foreach (var record in records.Where(r => r.Text.Trim().Length > 0 && format is not LogFormat.SscomHex and not LogFormat.HexDump and not LogFormat.PythonBytes &&
            !(format == LogFormat.VsCodeSerial && r.Direction == LogDirection.ToModule)))
        {
            // A record of several lines starts with the whole first one, which may be blank.
            var shown = record.SpansLines ? record.Text.Split('\n')[0].TrimEnd('\r') : record.Text.Split('\r', '\n').First(part => part.Length > 0);
            var lineText = fileLines[record.Line - 1];
            Assert.That(lineText, Does.Contain(shown.Length > 12 ? shown[..12] : shown), $"record at line {record.Line}");
        }
    }

    [TestCaseSource(typeof(SessionLogs), nameof(SessionLogs.All))]
    public void Times_grow_from_the_start_where_the_format_has_them(LogFormat format, byte[] log)
    {
        var (_, records) = TempLog.Read(log, format);
        var since = records.Where(r => r.SinceStart is not null).Select(r => r.SinceStart!.Value).ToList();

        if (format is LogFormat.Manual or LogFormat.Putty or LogFormat.PythonBytes or LogFormat.Raw or LogFormat.HexDump or LogFormat.ControlNames)
        {
            Assert.That(since, Is.Empty);
            return;
        }
        Assert.That(since, Has.Count.EqualTo(records.Count));
        Assert.That(since[0], Is.EqualTo(TimeSpan.Zero));
        Assert.That(since, Is.Ordered);
        Assert.That(since[^1], Is.EqualTo(TimeSpan.FromSeconds(7)).Within(TimeSpan.FromMilliseconds(31)));
    }
}

/// <summary>The analysis, not just the traffic, does not depend on the tool that wrote the log.</summary>
public class SessionAnalysisTests
{
    private static readonly Lazy<List<(string Command, string? Final)>> FromTrace = new(() =>
        Exchanges(SessionLogs.All().Single(c => (LogFormat)c.Arguments[0]! == LogFormat.Trace)));

    private static List<(string Command, string? Final)> Exchanges(TestCaseData data)
    {
        var (_, records) = TempLog.Read((byte[])data.Arguments[1]!, (LogFormat)data.Arguments[0]!);
        return [.. Conformance.Analyzer.Timeline.TimelineBuilder.Analyze(records).Exchanges.Select(e => (e.Command, e.Final))];
    }

    [TestCaseSource(typeof(SessionLogs), nameof(SessionLogs.All))]
    public void Every_format_yields_the_same_exchanges(LogFormat format, byte[] log)
    {
        var (_, records) = TempLog.Read(log, format);
        var exchanges = Conformance.Analyzer.Timeline.TimelineBuilder.Analyze(records).Exchanges.Select(e => (e.Command, e.Final)).ToList();

        Assert.That(exchanges, Has.Count.EqualTo(6), "AT, CFG, OPEN, SUB, PUB, UNSUB");
        Assert.That(exchanges, Is.EqualTo(FromTrace.Value));
        Assert.That(exchanges.Select(e => e.Command), Has.None.Contains("\"key\""), "the password is redacted");
    }
}
