using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Tests.Readers;
using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Tests.Timeline.Rules;

/// <summary>A Tera Term log whose PC clock was set back mid-exchange (written by hand): no negative latency, a warning where it went back.</summary>
public class ClockRuleTests
{
    [Test]
    public void A_clock_set_back_is_reported_and_no_latency_is_measured_across_it()
    {
        var text = "[2026-11-29 10:00:05.000] AT+CSQ\r\n[2026-11-29 10:00:04.900] +CSQ: 20,99\r\n[2026-11-29 10:00:04.950] OK\r\n" +
            "[2026-11-29 10:00:06.000] AT+CGATT?\r\n[2026-11-29 10:00:06.100] +CGATT: 1\r\n[2026-11-29 10:00:06.120] OK\r\n";
        var analysis = TempLog.Analyze(text);

        Assert.That(analysis.Exchanges.Select(e => e.LatencyMs), Is.EqualTo(new double?[] { null, 120 }));
        Assert.That(analysis.Diagnostics.Select(d => (d.Line, d.Code)), Is.EqualTo(new[] { (2L, "time-went-back") }));
        Assert.That(analysis.Diagnostics[0].Message, Does.StartWith("the time goes back 100 ms here (line 1 is later)"));
        Assert.That(analysis.Statistics.Commands.Single(c => c.Command == "AT+CSQ").MinMs, Is.Null, "no negative latency in the statistics");
    }

    [Test]
    public void Lines_of_one_moment_are_no_jump()
    {
        var text = "[2026-11-29 10:00:05.000] AT+CSQ\r\n[2026-11-29 10:00:05.000] +CSQ: 20,99\r\n[2026-11-29 10:00:05.000] OK\r\n";
        var analysis = TempLog.Analyze(text);

        Assert.That(analysis.Diagnostics, Is.Empty);
        Assert.That(analysis.Exchanges.Single().LatencyMs, Is.Zero);
    }
}
