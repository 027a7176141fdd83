using Conformance.Harness.Dsl;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;

namespace Conformance.Suites;

/// <summary>Manual §1.3: <c>AT+MQTTSTAT?</c> follows the client through its life: 0, 1, 5, 2, 0.</summary>
public sealed class StatSuite : Suite
{
    public override IEnumerable<Scenario> Scenarios(SuiteParameters p)
    {
        yield return Start.Fresh("1.3 MQTTSTAT is 0 without an instance")
            .Send(Mqtt.Stat()).ExpectInfo<MqttStatus>(s => s.State == MqttState.NotInitialised).ExpectOk();

        yield return Start.Configured("1.3 MQTTSTAT is 1 after CFG", p)
            .Send(Mqtt.Stat()).ExpectInfo<MqttStatus>(s => s.State == MqttState.Initialised).ExpectOk();

        yield return Start.Connected("1.3 MQTTSTAT is 5 when connected, 2 after DISC, 0 after DEL", p)
            .Send(Mqtt.Stat()).ExpectInfo<MqttStatus>(s => s.State == MqttState.Connected).ExpectOk()
            .Send(Mqtt.Disc()).ExpectOk().ThenUrc<MqttDisconnected>()
            .Send(Mqtt.Stat()).ExpectInfo<MqttStatus>(s => s.State == MqttState.Disconnected).ExpectOk()
            .Send(Mqtt.Del()).ExpectOk()
            .Send(Mqtt.Stat()).ExpectInfo<MqttStatus>(s => s.State == MqttState.NotInitialised).ExpectOk();
    }
}
