using Conformance.Analyzer.Comparison;
using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Tests.Comparison;

public class LogComparerTests
{
    /// <summary>A session publishing <paramref name="count"/> times with latencies around <paramref name="latency"/> ms.</summary>
    private static Analysis Publishing(int latency, int count = 20, bool failing = false)
    {
        var log = new Log()
            .Exchange(Sessions.Config, "\r\nOK\r\n")
            .Exchange("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "\r\nOK\r\n").Wait(800).Receive("\r\n+MQTTOPEN: OK\r\n");
        for (var i = 0; i < count; i++)
            log.Exchange("AT+MQTTPUB=\"dev/gsm/u\",0,0,0,0,\"hello\"", "\r\nOK\r\n", latency + i % 5).Wait(1000);
        log.Exchange("AT+CSQ", "\r\n+CSQ: 20,99\r\n\r\nOK\r\n", 30);
        if (failing) log.Wait(60_000).Receive("\r\n+MQTTTO: 5\r\n").Exchange("AT+MQTTSTAT?", "\r\n+CME ERROR: 3\r\n");
        return TimelineBuilder.Analyze(log.Records);
    }

    [Test]
    public void A_clear_latency_regression_is_beyond_noise()
    {
        var comparison = LogComparer.Compare(Publishing(40), Publishing(120));

        var publish = comparison.Commands.Single(c => c.Command == "AT+MQTTPUB=");
        Assert.That(publish.BeyondNoise, Is.True);
        Assert.That(publish.MedianChangeMs, Is.EqualTo(80));
        Assert.That(publish.MedianChangePercent, Is.EqualTo(80.0 / 42 * 100).Within(1e-9), "the median of 40..44 ms is 42 ms");
        Assert.That(publish.P95ChangeMs, Is.EqualTo(80));
        Assert.That(publish.PValue, Is.LessThan(0.001));
        Assert.That(comparison.Commands.Single(c => c.Command == "AT+CSQ").BeyondNoise, Is.False, "one sample each: no evidence");
    }

    [Test]
    public void Identical_logs_show_no_change()
    {
        var comparison = LogComparer.Compare(Publishing(40), Publishing(40));

        Assert.That(comparison.Commands.Select(c => c.BeyondNoise), Is.All.False);
        Assert.That(comparison.Commands.Select(c => c.MedianChangeMs), Is.All.EqualTo(0));
        Assert.That(comparison.UrcsOnlyInA.Concat(comparison.UrcsOnlyInB), Is.Empty);
        Assert.That(comparison.DiagnosticsOnlyInA.Concat(comparison.DiagnosticsOnlyInB), Is.Empty);
    }

    [Test]
    public void A_significant_change_too_small_to_matter_is_within_noise()
    {
        var comparison = LogComparer.Compare(Publishing(100), Publishing(105));

        var publish = comparison.Commands.Single(c => c.Command == "AT+MQTTPUB=");
        Assert.That(publish.PValue, Is.LessThan(0.05));
        Assert.That(publish.MedianChangeMs, Is.EqualTo(5), "below 10 % of 102 ms");
        Assert.That(publish.BeyondNoise, Is.False);
    }

    [Test]
    public void Urcs_and_diagnostics_of_one_log_only_are_listed()
    {
        var comparison = LogComparer.Compare(Publishing(40), Publishing(40, failing: true));

        Assert.That(comparison.UrcsOnlyInB, Is.EqualTo(new[] { "+MQTTTO" }));
        Assert.That(comparison.DiagnosticsOnlyInB, Is.EqualTo(new[] { "cme-error" }));
        Assert.That(comparison.UrcsOnlyInA, Is.Empty);
    }

    [Test]
    public void A_command_sent_in_one_log_only_has_no_change()
    {
        var b = TimelineBuilder.Analyze(new Log().Exchange("AT", "\r\nOK\r\n").Records);

        var comparison = LogComparer.Compare(Publishing(40), b);

        var at = comparison.Commands.Single(c => c.Command == "AT");
        Assert.That((at.A, at.B is not null, at.MedianChangeMs, at.BeyondNoise), Is.EqualTo(((object?)null, true, (double?)null, false)));
    }
}
