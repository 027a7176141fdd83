using System.Text;
using Conformance.Harness.Dsl;
using Conformance.Protocol.Commands;
using static Conformance.Harness.Dsl.UrcPatterns;

namespace Conformance.Suites;

/// <summary>Manual §1.5: publishing text and hex at each QoS, and the handshakes that follow.</summary>
public sealed class PubSuite : Suite
{
    public override IEnumerable<Scenario> Scenarios(SuiteParameters p)
    {
        yield return Start.Connected("1.5 QoS 0 publish is answered OK and nothing else", p)
            .Send(Mqtt.Pub(p.Topic, 0, "qos zero")).ExpectOk()
            // Nothing answers a QoS 0 publish: only the PUBLISH shows its topic and QoS (a QoS 1 one is answered to the module alone).
            .ExpectWirePublish()
            .NoOtherUrcs();

        yield return Start.Connected("1.5 QoS 1 publish is acknowledged by +MQTTPUBACK", p)
            .Send(Mqtt.Pub(p.Topic, 1, "qos one")).ExpectOk().ThenUrcs(PubAck(out var ackId))
            .ExpectWirePacketId(ackId)
            .ExpectWirePublish()
            .NoOtherUrcs();

        yield return Start.Connected("1.5 QoS 2 publish gets +MQTTPUBREC then +MQTTPUBCOMP with the same packet id", p)
            .Send(Mqtt.Pub(p.Topic, 2, "qos two")).ExpectOk().ThenUrcs(PubRec(out var id).Before(PubComp(id)))
            // A firmware may print +MQTTPUBREC and +MQTTPUBCOMP for a QoS 1 PUBLISH's PUBACK: only the wire shows the QoS.
            .ExpectWirePacketId(id)
            .ExpectWirePublish()
            .NoOtherUrcs();

        // 7E7A7A is the spec's own example: the subscriber sees the bytes, not the hex digits.
        yield return Start.Subscribed("1.5 a hex message arrives as the bytes it encodes", p, p.Topic, 1)
            .Send(Mqtt.PubHex(p.Topic, 1, "~zz"u8)).ExpectOk()
                .ThenUrcs(PubAck(out _), Publish(p.Topic, "~zz", out _))
            .NoOtherUrcs();

        yield return Start.Subscribed("1.5 a text message arrives as typed", p, p.Topic, 1)
            .Send(Mqtt.Pub(p.Topic, 1, "update message")).ExpectOk()
                .ThenUrcs(PubAck(out _), Publish(p.Topic, "update message", out _))
            .NoOtherUrcs();

        // Nothing comes back to the publisher of a retained message: only the PUBLISH shows its retain flag. A topic
        // of its own, so no other scenario's subscription is sent the retained message.
        yield return Start.Connected("1.5 a retained publish goes out with retain 1", p)
            .Send(Mqtt.Pub(p.Topic + "/retained", 1, "kept", retain: true)).ExpectOk().ThenUrcs(PubAck(out _))
            .ExpectWirePublish()
            .NoOtherUrcs();

        yield return Start.Connected("1.5 a message_len that does not count the hex bytes is refused with +CME ERROR: 601", p)
            .Send(new MalformedCommand($"AT+MQTTPUB=\"{p.Topic}\",1,0,0,5,7E7A7A", "1.5")).ExpectCmeError(601)
            .NoOtherUrcs();

        yield return Start.Connected("1.5 a OneNET $dp data point is published", p)
            .Send(Mqtt.PubHex("$dp", 1, DataPoint("{\"temperature\":22.5}"))).ExpectOk().ThenUrcs(PubAck(out _))
            .NoOtherUrcs();

        // The manual does not name the error for PUB without a connection: any error passes.
        yield return Start.Configured("1.5 publish without a connection is refused", p)
            .Send(Mqtt.Pub(p.Topic, 1, "nowhere")).ExpectError()
            .NoOtherUrcs();
    }

    /// <summary>A <c>$dp</c> payload of type 3 (spec §6): <c>03</c>, the JSON length big-endian, the JSON.</summary>
    private static byte[] DataPoint(string json)
    {
        var content = Encoding.UTF8.GetBytes(json);
        return [3, (byte)(content.Length >> 8), (byte)content.Length, .. content];
    }
}
