using System.Text;
using Conformance.Harness.Dsl;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;
using static Conformance.Harness.Dsl.UrcPatterns;

namespace Conformance.Suites;

/// <summary>Manual §1.11: incoming publishes and the handshake URCs around them.</summary>
public sealed class UrcSuite : Suite
{
    public override IEnumerable<Scenario> Scenarios(SuiteParameters p)
    {
        // The manual's §1.5 and §1.11 examples print these in different orders: only each handshake's own order is fixed.
        yield return Start.Subscribed("1.11 own QoS 2 publish comes back: +MQTTPUBLISH then +MQTTPUBREL with its packet id", p, p.Topic, 2)
            .Send(Mqtt.Pub(p.Topic, 2, "update message")).ExpectOk()
                .ThenUrcs(PubRec(out var id).Before(PubComp(id)),
                          Publish(p.Topic, "update message", out var inId).Before(PubRel(inId))).Checks("1.11")
            .ExpectWireAck(inId, qos: 2).Checks("1.11")
            .NoOtherUrcs().Checks("1.11");

        // The header's fields say how the message came: at the lower of the publish's and the subscription's QoS,
        // not a repeat (dup 0), not from the retained store (retained 0).
        yield return Start.Subscribed("1.11 +MQTTPUBLISH carries the delivered QoS, dup 0 and retained 0 for a live message", p, p.Topic, 1)
            .Send(Mqtt.Pub(p.Topic, 2, "to a QoS 1 subscription")).ExpectOk()
                .ThenUrcs(PubRec(out var ownId).Before(PubComp(ownId)),
                          Urc<MqttPublish>(m => m.Topic == p.Topic && m.MessageText == "to a QoS 1 subscription" && m.Qos == 1 && m.Dup == 0 && m.Retained == 0))
                .Checks("1.11")
            .NoOtherUrcs().Checks("1.11");

        // Sent as hex: a quoted AT string cannot hold quotes or a line end, a published message can.
        const string awkward = "a,b \"quoted\",\r\nnext line";
        yield return Start.Subscribed("1.11 a message with commas, quotes and a line end arrives whole", p, p.Topic, 1)
            .Send(Mqtt.PubHex(p.Topic, 1, Encoding.UTF8.GetBytes(awkward))).ExpectOk()
                .ThenUrcs(PubAck(out _), Publish(p.Topic, awkward, out var awkwardId)).Checks("1.11")
            // A message reported but never acknowledged comes again from the broker, or stays in its session.
            .ExpectWireAck(awkwardId, qos: 1).Checks("1.11")
            .NoOtherUrcs().Checks("1.11");

        // msg_len is the message's length in bytes: a host reads the message by it. Chinese text has three bytes a
        // character in UTF-8, so a firmware that counts characters shows here and nowhere in ASCII.
        const string text = "温度 25℃";
        yield return Start.Subscribed("1.11 a UTF-8 message arrives with msg_len in bytes, not characters", p, p.Topic, 1)
            .Send(Mqtt.PubHex(p.Topic, 1, Encoding.UTF8.GetBytes(text))).ExpectOk()
                .ThenUrcs(PubAck(out _), Publish(p.Topic, text, out _)).Checks("1.11")
            .NoOtherUrcs().Checks("1.11");
    }
}
