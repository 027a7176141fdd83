using Conformance.Harness.Dsl;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;
using MQTTnet.Packets;
using static Conformance.Harness.Dsl.UrcPatterns;

namespace Conformance.Suites;

/// <summary>Manual §1.6: unsubscribing is acknowledged and ends the deliveries.</summary>
public sealed class UnsubSuite : Suite
{
    public override IEnumerable<Scenario> Scenarios(SuiteParameters p)
    {
        // The manual's UNSUBACK has no topic, firmware adds it (spec §7): when present it must be the one unsubscribed.
        yield return Start.Subscribed("1.6 unsubscribe is acknowledged by +MQTTUNSUBACK", p, p.Topic, 1)
            .Send(Mqtt.Unsub(p.Topic)).ExpectOk().ThenUrcs(UrcPatterns.UnsubAck(out var id, u => (u.Topic ?? p.Topic) == p.Topic)).ExpectWirePacketId(id)
            // The broker acknowledges any filter, subscribed or not: only the UNSUBSCRIBE shows which one went out.
            .ExpectSent<MqttUnsubscribePacket>(u => u.TopicFilters.Count == 1 && u.TopicFilters[0] == p.Topic)
            .NoOtherUrcs();

        yield return Start.Subscribed("1.6 no publishes arrive after unsubscribing", p, p.Topic, 1)
            .Send(Mqtt.Unsub(p.Topic)).ExpectOk().ThenUrc<UnsubAck>()
            .Send(Mqtt.Pub(p.Topic, 1, "after unsubscribe")).ExpectOk().ThenUrcs(PubAck(out _))
            .NoOtherUrcs().Checks("1.6");
    }
}
