using System.Text;
using Conformance.Protocol.Events;
using Conformance.Protocol.Responses;

namespace Conformance.Protocol.Tests.Interpretation;

/// <summary>
/// A reader that lends its events fills one object again for each: every event must read exactly as a new one
/// would, with nothing left over from the one before (a message, bytes that are not UTF-8, a command, a code).
/// </summary>
public class LentEventTests
{
    // A publish with its message, a line that is not UTF-8, an error with a code, then lines that carry none of those.
    private static readonly byte[] Output = [
        .. "AT+MQTTSTAT?\r\r\n+MQTTSTAT: 5\r\n"u8, .. "+MQTTPUBLISH: 0,1,0,3,\"dev/cmd\",4,v=40\r\n"u8,
        .. "+CME ERROR: 3\r\n"u8, .. "+MQTTPUBACK: 7,0\r\n"u8, 0xC4, 0xE3, 0xBA, 0xC3, .. "\r\n"u8, .. "OK\r\n"u8, .. "+MQTTPINGRSP: OK\r\n"u8,
    ];

    private static List<(AtEvent Event, string Text, string? Command, string? Name, object? Value, FinalResultKind? Result, int Code, string? Payload, byte[] Raw)> Read(bool lend)
    {
        var reader = new AtEventReader(new() { CommandsKnown = true }) { LendsEvents = lend };
        ReadOnlySpan<byte> input = Output;
        var read = new List<(AtEvent, string, string?, string?, object?, FinalResultKind?, int, string?, byte[])>();
        // Each event's parts are taken during the call, as a consumer of lent events must.
        while (reader.TryRead(ref input, out var e))
            read.Add((e, e.Text, e.Command, e.Name, e.Value, e.Result, e.ErrorCode, e.Payload is { } p ? Encoding.UTF8.GetString(p) : null, e.Raw));
        return read;
    }

    [Test]
    public void A_lent_event_reads_exactly_as_a_new_one()
    {
        var lent = Read(lend: true);
        var owned = Read(lend: false);

        Assert.That(lent.Select(e => e with { Event = null! }), Is.EqualTo(owned.Select(e => e with { Event = null! })));
        Assert.That(owned.Select(e => e.Payload), Has.One.EqualTo("v=40"), "the publish carried its message");
        Assert.That(owned.Select(e => e.Code), Has.One.EqualTo(3), "the error carried its code");
    }

    [Test]
    public void Lent_events_are_one_object_and_new_ones_are_each_their_own()
    {
        var lent = Read(lend: true);
        var owned = Read(lend: false);

        Assert.That(lent.Select(e => e.Event).Distinct().Count(), Is.EqualTo(1));
        Assert.That(owned.Select(e => e.Event).Distinct().Count(), Is.EqualTo(owned.Count));
        Assert.That(owned.Select(e => e.Event.Text), Is.EqualTo(owned.Select(e => e.Text)), "an event that is not lent keeps its parts");
    }
}
