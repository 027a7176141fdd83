using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Tests.Readers;
using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Tests.Timeline;

/// <summary>A support ticket written by hand in Chinese, the traffic marked with single arrows inside a markdown fence.</summary>
public class TicketTests
{
    [Test]
    public void The_exchanges_of_a_ticket_are_read_and_its_prose_is_left_aside()
    {
        const string ticket = "问题复现步骤:\n```\n→ AT+MQTTSTAT?\n← +MQTTSTAT: 5\n← OK\n→ AT+MQTTPUB=\"dev/u\",1,0,0,0,\"hi\"\n← OK\n" +
            "← +MQTTPUBACK: 3,1\n```\n请帮忙看看为什么 PUBACK 很慢。\n";
        var analysis = TempLog.Analyze(ticket);

        Assert.That(TempLog.Read(ticket).Source.Format, Is.EqualTo(LogFormat.Transcript));
        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final)), Is.EqualTo(new (string, string?)[]
        {
            ("AT+MQTTSTAT?", "OK"), ("AT+MQTTPUB=\"dev/u\",1,0,0,0,\"hi\"", "OK"),
        }));
        Assert.That(analysis.Urcs.Single().CommandLine, Is.EqualTo(6));
        Assert.That(analysis.Diagnostics, Is.Empty);
    }
}
