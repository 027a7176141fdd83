using System.Text;
using Conformance.Protocol.Events;
using Conformance.Protocol.Responses;

namespace Conformance.Protocol.Tests.Interpretation;

/// <summary>Acks read from the bytes after the first one of their form must mean exactly what the parser makes of them.</summary>
public class AckReadingTests
{
    // Field forms and broken ones after ones of the manual's form, so each is read where a template exists.
    private static readonly string[] Lines =
    [
        "+MQTTPUBACK: 1,0", "+MQTTPUBACK: 2,0", "+MQTTPUBACK: 65535,0", "+MQTTPUBACK: 3,1", "+MQTTPUBACK: 4,1", "+MQTTPUBACK: 5,0",
        "+MQTTPUBACK: 0,1", "+MQTTPUBACK: 007,1", "+MQTTPUBACK: 65536,1", "+MQTTPUBACK: 6,3", "+MQTTPUBACK:7,1", "+MQTTPUBACK: 8, 1",
        "+MQTTPUBACK: 9,1,2", "+MQTTPUBACK: x,1",
        "+MQTTPUBREC: 0,10", "+MQTTPUBREC: 0,11", "+MQTTPUBREC: 1,12", "+MQTTPUBREC: 12,0", "+MQTTPUBREC: 1,0", "+MQTTPUBREC: 0,0",
        "+MQTTPUBCOMP: 0,10", "+MQTTPUBCOMP: 0,99999", "+MQTTPUBCOMP: 2,0", "+MQTTPUBREL: 0,9", "+MQTTPUBREL: 0,10",
    ];

    [Test]
    public void Every_ack_means_what_the_parser_reads_in_it()
    {
        var reader = new AtEventReader(new() { CommandsKnown = false });
        ReadOnlySpan<byte> input = Encoding.ASCII.GetBytes(string.Concat(Lines.Select(l => l + "\r\n")));
        var events = new List<AtEvent>();
        while (reader.TryRead(ref input, out var atEvent)) events.Add(atEvent);

        Assert.That(events.Select(e => e.Text), Is.EqualTo(Lines));
        foreach (var atEvent in events)
        {
            var parsed = UrcParser.Parse(atEvent.Text);
            Assert.That(atEvent.Value, Is.EqualTo(parsed.Value), atEvent.Text);
            Assert.That(atEvent.Deviations, Is.EqualTo(parsed.Deviations), atEvent.Text);
            Assert.That(atEvent.Error, Is.EqualTo(parsed.Error), atEvent.Text);
        }
    }

    [Test]
    public void An_ack_after_the_first_of_its_form_carries_its_own_packet_id()
    {
        var reader = new AtEventReader(new() { CommandsKnown = false });
        ReadOnlySpan<byte> input = "+MQTTPUBACK: 1,0\r\n+MQTTPUBACK: 2,0\r\n+MQTTPUBCOMP: 0,3\r\n+MQTTPUBCOMP: 0,4\r\n"u8;
        var values = new List<object?>();
        while (reader.TryRead(ref input, out var atEvent)) values.Add(atEvent.Value);

        Assert.That(values, Is.EqualTo(new object[] { new PubAck(1, 0), new PubAck(2, 0), new PubComp(0, 3), new PubComp(0, 4) }));
    }
}
