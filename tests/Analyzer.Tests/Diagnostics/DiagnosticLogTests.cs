using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Timeline;
using Conformance.Protocol.Codes;

namespace Conformance.Analyzer.Tests.Diagnostics;

/// <summary>Diagnostics beyond the storage limit are counted, not written.</summary>
public class DiagnosticLogTests
{
    [Test]
    public void Keeps_the_first_diagnostics_and_counts_every_one_by_code()
    {
        var log = new DiagnosticLog(2);
        var formatted = 0;
        string Message(int n) { formatted++; return $"number {n}"; }

        for (var n = 1; n <= 5; n++) log.Report(DiagnosticCodes.UnexpectedUrc, n, $"{Message(n)}");
        log.Report(DiagnosticCodes.OpenFailed, 6, $"{Message(6)}");

        Assert.That(log.Kept.Select(d => (d.Line, d.Message)), Is.EqualTo(new[] { (1L, "number 1"), (2L, "number 2") }));
        Assert.That(formatted, Is.EqualTo(2), "messages of diagnostics not kept are never written");
        Assert.That((log.Count, log.Omitted), Is.EqualTo((6L, 4L)));
        Assert.That(log.Counts(), Is.EqualTo(new[]
        {
            new DiagnosticCount("open-failed", Severity.Error, 1), new DiagnosticCount("unexpected-urc", Severity.Warn, 5),
        }));
    }

    [Test]
    public void An_error_beyond_the_storage_limit_still_shows_in_the_statistics()
    {
        var log = new Log();
        for (var i = 0; i < 5; i++) log.Receive("\r\nOK\r\n");
        log.Receive("\r\n+MQTTOPEN: FAIL\r\n");

        var analysis = TimelineBuilder.Analyze(log.Records, new AnalysisOptions { MaxStoredItems = 3 });

        Assert.That(analysis.Diagnostics.Select(d => d.Code), Is.All.EqualTo("final-without-command"));
        Assert.That(analysis.Statistics.Diagnostics.Select(d => (d.Code, d.Count)), Is.EqualTo(new[]
        {
            ("open-failed", 1L), ("final-without-command", 5L),
        }));
        Assert.That(analysis.Summary.Diagnostics, Is.EqualTo(6));
    }
}
