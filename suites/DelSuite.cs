using Conformance.Harness.Dsl;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;

namespace Conformance.Suites;

/// <summary>Manual §1.8: deleting the client instance frees it, so a new CFG is allowed again.</summary>
public sealed class DelSuite : Suite
{
    public override IEnumerable<Scenario> Scenarios(SuiteParameters p)
    {
        yield return Start.Configured("1.8 DEL answers OK and a new CFG is allowed again", p)
            .Send(Mqtt.Del()).ExpectOk()
            .Send(Mqtt.Stat()).ExpectInfo<MqttStatus>(s => s.State == MqttState.NotInitialised).ExpectOk().Checks("1.3")
            .Send(Start.Cfg(p, keepAlive: p.KeepAlive + 1)).ExpectOk().Checks("1.8")
            .Send(Mqtt.CfgRead()).ExpectInfo<MqttConfig>(c => c.KeepAlive == p.KeepAlive + 1).ExpectOk().Checks("1.8");

        yield return Start.Connected("1.8 DEL after DISC frees the instance", p)
            .Send(Mqtt.Disc()).ExpectOk().ThenUrc<MqttDisconnected>()
            .Send(Mqtt.Del()).ExpectOk()
            .Send(Mqtt.Stat()).ExpectInfo<MqttStatus>(s => s.State == MqttState.NotInitialised).ExpectOk().Checks("1.8");
    }
}
