using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Tests.Timeline;

/// <summary>A URC line that repeats word for word is understood, counted and reported every time.</summary>
public class RepeatedUrcTests
{
    [Test]
    public void A_repeated_unreadable_urc_is_reported_at_each_line()
    {
        var log = new Log().Receive("+MQTTSUBACK: x\r\n").Wait(10).Receive("+MQTTSUBACK: x\r\n");

        var analysis = TimelineBuilder.Analyze(log.Records);

        var unreadable = analysis.Diagnostics.Where(d => d.Code == DiagnosticCodes.UnreadableLine.Code).ToList();
        Assert.That(unreadable.Select(d => d.Line), Is.EqualTo(analysis.Urcs.Select(u => u.Line)));
        Assert.That(unreadable, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_repeated_ack_answers_nothing_each_time()
    {
        // After a command, so the log shows the host's side: nothing it sent waits for these.
        var log = new Log().Exchange("AT+CSQ", "\r\n+CSQ: 20,99\r\n\r\nOK\r\n").Receive("+MQTTPUBACK: 7,1\r\n").Wait(10).Receive("+MQTTPUBACK: 7,1\r\n");

        var analysis = TimelineBuilder.Analyze(log.Records);

        Assert.That(analysis.Urcs.Select(u => u.PacketId), Is.EqualTo(new int?[] { 7, 7 }));
        Assert.That(analysis.Diagnostics.Count(d => d.Code == DiagnosticCodes.UnexpectedUrc.Code), Is.EqualTo(2));
        Assert.That(analysis.Statistics.Urcs.Single().Count, Is.EqualTo(2));
    }
}
