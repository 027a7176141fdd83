using Conformance.Harness.Dsl;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;

namespace Conformance.Suites;

/// <summary>Manual §1.1–§1.3, §1.7, §1.8: the client instance, connecting, the reported state, disconnecting.</summary>
public sealed class ClientSuite : Suite
{
    public override IEnumerable<Scenario> Scenarios(SuiteParameters p)
    {
        yield return Scenario("1.3 MQTTSTAT is 1 after CFG")
            .Reset()
            .Send(Cfg(p)).ExpectOk()
            .Send(Mqtt.Stat()).ExpectInfo<MqttStatus>(s => s.State == MqttState.Initialised).ExpectOk();

        yield return Scenario("1.2 open reports +MQTTOPEN: OK after OK")
            .Reset()
            .Send(Cfg(p)).ExpectOk()
            .Send(Mqtt.Open()).ExpectOk().ThenUrc<MqttOpenResult>(o => o.Ok, within: 15.Seconds())
            .Send(Mqtt.Stat()).ExpectInfo<MqttStatus>(s => s.State == MqttState.Connected).ExpectOk().Checks("1.3")
            .NoOtherUrcs();

        yield return Scenario("1.7 disconnect without a connection is +CME ERROR: 3")
            .Reset()
            .Send(Cfg(p)).ExpectOk()
            .Send(Mqtt.Disc()).ExpectCmeError(3);
    }

    internal static MqttCfg Cfg(SuiteParameters p) => Mqtt.Cfg(p.Broker, p.Port, p.DeviceId, p.KeepAlive, p.ProductId, p.ApiKey);
}
