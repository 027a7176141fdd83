using Conformance.Analyzer.Timeline.Rules;
using Conformance.Protocol.Events;
using static Conformance.Analyzer.Tests.Timeline.Rules.RuleInputs;

namespace Conformance.Analyzer.Tests.Timeline.Rules;

public class FramingRuleTests
{
    private static List<string> Read(string output, int maxFrameLength = 64 * 1024)
    {
        var log = Log();
        var rule = new FramingRule(log, Masker);
        foreach (var atEvent in Events(output, maxFrameLength)) rule.Read(atEvent, At);
        return [.. log.Kept.Select(d => $"{d.Code}: {d.Message}")];
    }

    [Test]
    public void A_line_longer_than_the_frame_limit_is_reported_with_its_start()
    {
        var reported = Read("+CGMR: " + new string('A', 80) + "\r\nOK\r\n", maxFrameLength: 32);

        Assert.That(reported, Has.Count.EqualTo(1), string.Join("\n", reported));
        Assert.That(reported[0], Does.StartWith("line-too-long: a line of ").And.Contain("starting '+CGMR: AAA").And.EndWith("is longer than the frame limit; skipped"));
    }

    [Test]
    public void Noise_is_reported_once()
    {
        var reported = Read("\0\u0001\u0002\r\nOK\r\n\u0003\u0004\r\n");

        Assert.That(reported, Is.EqualTo(new[] { "noise: 3 byte(s) that form no line (first 0x00); reported once" }));
    }

    [Test]
    public void A_line_the_log_ends_inside_is_reported_truncated()
    {
        var events = Events("OK\r\n+MQTTSUBACK:5,");
        var reported = Read("OK\r\n+MQTTSUBACK:5,");

        Assert.That(events.Last().IsTruncated, Is.True);
        Assert.That(reported, Is.EqualTo(new[] { "truncated-input: the log ends inside '+MQTTSUBACK:5,'" }));
    }

    [Test]
    public void Whole_lines_are_not_reported()
    {
        Assert.That(Read("\r\n+MQTTOPEN: OK\r\n\r\nOK\r\n"), Is.Empty);
        Assert.That(Events("\r\nOK\r\n").Single().Kind, Is.EqualTo(AtEventKind.Final));
    }
}
