using System.Text;
using Conformance.Harness.Dsl;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;
using MQTTnet.Packets;

namespace Conformance.Suites;

/// <summary>Manual §1.1: creating the one client instance, reading it back without its password, and bad arguments.</summary>
public sealed class CfgSuite : Suite
{
    public override IEnumerable<Scenario> Scenarios(SuiteParameters p)
    {
        yield return Start.Configured("1.1 CFG? reads back the settings with the password masked", p)
            .Send(Mqtt.CfgRead())
                .ExpectInfo<MqttConfig>(c => c.Host == p.Broker && c.Port == p.Port && c.Id == p.DeviceId && c.KeepAlive == p.KeepAlive && c.User == p.ProductId && c.Clean)
                .ExpectInfo<MqttConfig>(c => c.IsPasswordMasked)
                .ExpectOk();

        // Only the CONNECT shows whether the module uses what CFG set; clean 0 because 1 is what a module does anyway.
        yield return Start.Fresh("1.1 CONNECT carries CFG's id, user, passwd, keepAlive and clean 0")
            .Send(Mqtt.Cfg(p.Broker, p.Port, p.DeviceId, p.KeepAlive, p.ProductId, p.ApiKey, clean: false)).ExpectOk()
            .Send(Mqtt.Open()).ExpectOk().ThenUrc<MqttOpenResult>(o => o.Ok, within: 15.Seconds()).Checks("1.2")
            .ExpectSent<MqttConnectPacket>(c => c.ClientId == p.DeviceId && c.Username == p.ProductId && c.Password != null && Encoding.UTF8.GetString(c.Password) == p.ApiKey
                && c.KeepAlivePeriod == p.KeepAlive && !c.CleanSession).Checks("1.1");

        // And the other way: a module that always keeps the session fails here.
        yield return Start.Connected("1.1 CONNECT asks a clean session when CFG's clean is 1", p)
            .ExpectSent<MqttConnectPacket>(c => c.CleanSession).Checks("1.1");

        // The manual says a new CFG needs a DEL first but not which error refuses it: any error passes.
        yield return Start.Configured("1.1 a second CFG before DEL is refused and changes nothing", p)
            .Send(Start.Cfg(p, keepAlive: p.KeepAlive + 1)).ExpectError()
            .Send(Mqtt.CfgRead()).ExpectInfo<MqttConfig>(c => c.KeepAlive == p.KeepAlive).ExpectOk();

        yield return Start.Fresh("1.1 a port out of range is refused with +CME ERROR: 601")
            .Send(Bad(p, port: "65536")).ExpectCmeError(601)
            .Send(Mqtt.Stat()).ExpectInfo<MqttStatus>(s => s.State == MqttState.NotInitialised).ExpectOk().Checks("1.3");

        yield return Start.Fresh("1.1 a port that is not a number is refused with +CME ERROR: 601")
            .Send(Bad(p, port: "\"6002\"x")).ExpectCmeError(601);

        yield return Start.Fresh("1.1 a clean flag other than 0 or 1 is refused with +CME ERROR: 601")
            .Send(Bad(p, clean: "2")).ExpectCmeError(601);

        yield return Start.Fresh("1.1 a CFG with a field missing is refused with +CME ERROR: 601")
            .Send(new MalformedCommand($"AT+MQTTCFG=\"{p.Broker}\",{p.Port},\"{p.DeviceId}\",{p.KeepAlive},\"{p.ProductId}\"", "1.1")).ExpectCmeError(601);
    }

    private static MalformedCommand Bad(SuiteParameters p, string? port = null, string clean = "1") =>
        new($"AT+MQTTCFG=\"{p.Broker}\",{port ?? $"{p.Port}"},\"{p.DeviceId}\",{p.KeepAlive},\"{p.ProductId}\",\"{p.ApiKey}\",{clean}", "1.1");
}
