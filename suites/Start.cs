using Conformance.Harness.Dsl;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;

namespace Conformance.Suites;

/// <summary>The states scenarios start from: a client instance, or a connection, made as the manual's chapter 3 does.</summary>
internal static class Start
{
    public static MqttCfg Cfg(SuiteParameters p, int? keepAlive = null) =>
        Mqtt.Cfg(p.Broker, p.Port, p.DeviceId, keepAlive ?? p.KeepAlive, p.ProductId, p.ApiKey);

    /// <summary>No instance at all (state 0).</summary>
    public static Scenario Fresh(string title) => new Scenario(title).Reset();

    /// <summary>A client instance, not connected (state 1).</summary>
    public static Scenario Configured(string title, SuiteParameters p) => Fresh(title)
        .Send(Cfg(p)).ExpectOk();

    /// <summary>Connected (state 5): the OPEN's first OK is not success, its URC is.</summary>
    public static Scenario Connected(string title, SuiteParameters p) => Configured(title, p)
        .Send(Mqtt.Open()).ExpectOk().ThenUrc<MqttOpenResult>(o => o.Ok, within: 15.Seconds());

    /// <summary>Connected and subscribed to <paramref name="topic"/>, granted the QoS asked for.</summary>
    public static Scenario Subscribed(string title, SuiteParameters p, string topic, int qos) => Connected(title, p)
        .Send(Mqtt.Sub(topic, qos)).ExpectOk().ThenUrc<SubAck>(a => a.Code == qos);
}
