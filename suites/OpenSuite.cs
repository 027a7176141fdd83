using System.Text;
using Conformance.Harness.Dsl;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Conformance.Suites;

/// <summary>Manual §1.2: connecting reports OK at once and the result later as <c>+MQTTOPEN</c>.</summary>
public sealed class OpenSuite : Suite
{
    public override IEnumerable<Scenario> Scenarios(SuiteParameters p)
    {
        // The manual does not name the error for OPEN without an instance: any error passes, no URC may follow.
        yield return Start.Fresh("1.2 OPEN without CFG is refused")
            .Send(Mqtt.Open()).ExpectError()
            .NoOtherUrcs();

        yield return Start.Configured("1.2 open reports +MQTTOPEN: OK after OK", p)
            .Send(Mqtt.Open()).ExpectOk().ThenUrc<MqttOpenResult>(o => o.Ok, within: 15.Seconds())
            // User and password flags 1: CFG's product id and API key go in the CONNECT (the platform's check, §3.3.2).
            .ExpectSent<MqttConnectPacket>(c => c.Username == p.ProductId && c.Password != null && Encoding.UTF8.GetString(c.Password) == p.ApiKey)
            .Send(Mqtt.Stat()).ExpectInfo<MqttStatus>(s => s.State == MqttState.Connected).ExpectOk().Checks("1.3")
            .NoOtherUrcs();

        yield return Start.Configured("1.2 OPEN with a will topic and message connects", p)
            .Send(Mqtt.Open(will: true, willRetain: false, willQos: 1, willTopic: p.Topic + "/will", willMessage: "offline"))
                .ExpectOk().ThenUrc<MqttOpenResult>(o => o.Ok, within: 15.Seconds())
            .ExpectSent<MqttConnectPacket>(c => c.WillFlag && c.WillTopic == p.Topic + "/will" && c.WillMessage != null && Encoding.UTF8.GetString(c.WillMessage) == "offline"
                && c.WillQoS == MqttQualityOfServiceLevel.AtLeastOnce && !c.WillRetain)
            .NoOtherUrcs();

        yield return Start.Configured("1.2 a will QoS of 3 is refused with +CME ERROR: 601", p)
            .Send(new MalformedCommand($"AT+MQTTOPEN=1,1,1,0,3,\"{p.Topic}/will\",\"offline\"", "1.2")).ExpectCmeError(601)
            .NoOtherUrcs();

        yield return Start.Configured("1.2 a user flag other than 0 or 1 is refused with +CME ERROR: 601", p)
            .Send(new MalformedCommand("AT+MQTTOPEN=2,1,0,0,0,\"\",\"\"", "1.2")).ExpectCmeError(601)
            .NoOtherUrcs();
    }
}
