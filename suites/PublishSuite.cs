using Conformance.Harness.Dsl;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;
using static Conformance.Harness.Dsl.UrcPatterns;

namespace Conformance.Suites;

/// <summary>Manual §1.4, §1.5, §3.3.2: subscribe, publish at each QoS, and the handshakes that follow.</summary>
public sealed class PublishSuite : Suite
{
    public override IEnumerable<Scenario> Scenarios(SuiteParameters p)
    {
        yield return Connected("1.4 subscribe is acknowledged with the granted QoS", p)
            .Send(Mqtt.Sub(p.Topic, 1)).ExpectOk().ThenUrc<SubAck>(a => a.Code == 1)
            .NoOtherUrcs();

        yield return Connected("1.5 QoS 1 publish is acknowledged by +MQTTPUBACK", p)
            .Send(Mqtt.Pub(p.Topic, 1, "qos one")).ExpectOk().ThenUrcs(PubAck(out _))
            .NoOtherUrcs();

        yield return Connected("3.3.2 login, subscribe, publish QoS 2 to itself", p)
            .Send(Mqtt.Sub(p.Topic, 2)).ExpectOk().ThenUrc<SubAck>(a => a.Code == 2)
            .Send(Mqtt.Pub(p.Topic, 2, "update message")).ExpectOk()
                .ThenUrcs(PubRec(out var id).Before(PubComp(id)),
                          Publish(p.Topic, "update message", out var inId).Before(PubRel(inId)))
                .NoOtherUrcs();
    }

    private static Scenario Connected(string title, SuiteParameters p) => Scenario(title)
        .Reset()
        .Send(ClientSuite.Cfg(p)).ExpectOk()
        .Send(Mqtt.Open()).ExpectOk().ThenUrc<MqttOpenResult>(o => o.Ok, within: 15.Seconds());
}
