using Conformance.Harness.Dsl;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;
using static Conformance.Harness.Dsl.UrcPatterns;

namespace Conformance.Suites;

/// <summary>Manual §3.3.5: three missed pings start reconnection, three failed attempts end it; AT+MQTTDISC never does.</summary>
public sealed class ReconnectionSuite : Suite
{
    // Short timers keep the scenarios quick: a ping every 2 s, missed after 1 s (AT+MQTTTO below keepAlive, §1.1).
    private const int KeepAlive = 2;
    private const int AckTimeout = 1;

    public override IEnumerable<Scenario> Scenarios(SuiteParameters p)
    {
        var pingTimeout = Urc<MqttTimeout>(t => t.Type == MqttTimeoutType.Ping);
        yield return Connected("3.3.5 three missed pings, three failed reconnections, then +MQTTDISC: OK", p)
            .Broker(b => b.StopAnsweringPings())
            .Broker(b => b.MakeUnreachable())
            .ThenUrcs(30.Seconds(), pingTimeout.Before(pingTimeout).Before(pingTimeout)
                .Before(Urc<MqttReconnect>(r => r.Attempt == 0))
                .Before(Urc<MqttReconnect>(r => r.Attempt == 1))
                .Before(Urc<MqttReconnect>(r => r.Attempt == 2))
                .Before(Urc<MqttDisconnected>())).Checks("3.3.5")
            .Send(Mqtt.Stat()).ExpectInfo<MqttStatus>(s => s.State == MqttState.Disconnected).ExpectOk();

        // Pings go on being missed after reconnection, but a reconnection must start first.
        yield return Connected("3.3.5 a lost connection is re-established", p)
            .Broker(b => b.DropConnectionAsync())
            .ThenUrcs(15.Seconds(), Urc<MqttReconnect>(r => r.Attempt == 0).Before(Urc<MqttOpenResult>(o => o.Ok))).Checks("3.3.5")
            .Send(Mqtt.Stat()).ExpectInfo<MqttStatus>(s => s.State == MqttState.Connected).ExpectOk();

        // Quiet for longer than a keep-alive and a reconnection interval: nothing may follow +MQTTDISC.
        yield return Connected("3.3.5 a deliberate AT+MQTTDISC never triggers reconnection", p)
            .Send(Mqtt.Disc()).ExpectOk().ThenUrc<MqttDisconnected>()
            .NoOtherUrcs((KeepAlive * 2).Seconds()).Checks("3.3.5")
            .Send(Mqtt.Stat()).ExpectInfo<MqttStatus>(s => s.State == MqttState.Disconnected).ExpectOk();
    }

    private static Scenario Connected(string title, SuiteParameters p) =>
        PlatformFlowSuite.Connected(title, p, KeepAlive).Send(Mqtt.Timeout(AckTimeout)).ExpectOk();
}
