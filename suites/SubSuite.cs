using Conformance.Harness.Dsl;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Conformance.Suites;

/// <summary>Manual §1.4: subscribing one topic per command, the granted QoS in <c>+MQTTSUBACK</c>, and the subscription list.</summary>
public sealed class SubSuite : Suite
{
    public override IEnumerable<Scenario> Scenarios(SuiteParameters p)
    {
        // The SUBACK topic is optional (spec §3.4): when present it must be the one subscribed.
        yield return Start.Connected("1.4 subscribe is acknowledged with the granted QoS", p)
            .Send(Mqtt.Sub(p.Topic, 1)).ExpectOk().ThenUrcs(UrcPatterns.SubAck(out var subId, a => a.Code == 1)).ExpectWirePacketId(subId)
            .ExpectSent<MqttSubscribePacket>(s => s.TopicFilters.Count == 1 && s.TopicFilters[0].Topic == p.Topic && s.TopicFilters[0].QualityOfServiceLevel == MqttQualityOfServiceLevel.AtLeastOnce)
            .NoOtherUrcs();

        yield return Start.Connected("1.4 QoS 0 and QoS 2 are granted as asked, each SUBACK naming its topic", p)
            .Send(Mqtt.Sub(p.Topic + "/0", 0)).ExpectOk().ThenUrc<SubAck>(a => a.Code == 0 && (a.Topic ?? p.Topic + "/0") == p.Topic + "/0")
            .Send(Mqtt.Sub(p.Topic + "/2", 2)).ExpectOk().ThenUrc<SubAck>(a => a.Code == 2 && (a.Topic ?? p.Topic + "/2") == p.Topic + "/2")
            .NoOtherUrcs();

        // A broker may grant less than asked (MQTT 3.1.1 §3.9.3): the granted QoS is the one the
        // module is delivered at, so +MQTTSUBACK reports it, not the QoS AT+MQTTSUB asked.
        yield return Start.Connected("1.4 +MQTTSUBACK reports the QoS the broker granted, below the one asked", p)
            .Broker(b => b.GrantAtMost(1))
            .Send(Mqtt.Sub(p.Topic + "/granted", 2)).ExpectOk().ThenUrc<SubAck>(a => a.Code == 1)
            .NoOtherUrcs();

        yield return Start.Connected("1.4 index 0 is accepted", p)
            .Send(Mqtt.Sub(p.Topic, 1, index: 0)).ExpectOk().ThenUrc<SubAck>(a => a.Code == 1)
            .NoOtherUrcs();

        yield return Start.Subscribed("1.4 SUB? lists each subscribed topic on its own line", p, p.Topic, 1)
            .Send(Mqtt.Sub(p.Topic + "/2", 2)).ExpectOk().ThenUrc<SubAck>(a => a.Code == 2)
            .Send(Mqtt.SubList())
                .ExpectInfo<SubscriptionListHeader>(_ => true)
                .ExpectInfoLines<SubscribedTopic>(ts => ts.Select(t => t.Topic).Order().SequenceEqual(new[] { p.Topic, p.Topic + "/2" }))
                .ExpectOk();

        yield return Start.Connected("1.4 a QoS of 3 is refused with +CME ERROR: 601", p)
            .Send(new MalformedCommand($"AT+MQTTSUB=\"{p.Topic}\",3", "1.4")).ExpectCmeError(601)
            .NoOtherUrcs();

        // The manual does not name the error for SUB without a connection: any error passes, no SUBACK may follow.
        yield return Start.Configured("1.4 subscribe without a connection is refused", p)
            .Send(Mqtt.Sub(p.Topic, 1)).ExpectError()
            .NoOtherUrcs();
    }
}
