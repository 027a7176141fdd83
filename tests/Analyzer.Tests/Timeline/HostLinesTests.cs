using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Tests.Timeline;

/// <summary>The host's lines as a serial monitor records them: cut mid-line, several in one record, CR or LF alone.</summary>
public class HostLinesTests
{
    [Test]
    public void A_command_cut_across_records_is_one_command_stamped_where_it_began()
    {
        var log = new Log()
            .Add(LogDirection.ToModule, "AT+MQTT").Wait(5).Add(LogDirection.ToModule, "STAT?\r").Wait(20).Receive("\r\n+MQTTSTAT: 5\r\n\r\nOK\r\n").Wait(50)
            .Add(LogDirection.ToModule, "AT+CSQ\nAT").Wait(5).Receive("\r\n+CSQ: 18,99\r\n\r\nOK\r\n").Wait(5)
            .Add(LogDirection.ToModule, "\r\n\r\n").Wait(5).Receive("\r\nOK\r\n").Wait(50)
            .Add(LogDirection.ToModule, "AT+CGSN=1");

        var analysis = TimelineBuilder.Analyze(log.Records);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Line, e.Final)), Is.EqualTo(new (string, long, string?)[]
        {
            ("AT+MQTTSTAT?", 1, "OK"), ("AT+CSQ", 7, "OK"), ("AT", 7, "OK"), ("AT+CGSN=1", 16, null),
        }));
        Assert.That(analysis.Exchanges[0].Time, Is.EqualTo(log.Records[0].Time));
    }
}
