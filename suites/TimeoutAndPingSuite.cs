using Conformance.Harness.Dsl;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;

namespace Conformance.Suites;

/// <summary>
/// Manual §1.9, §1.10: the ACK timeout and its <c>+MQTTTO</c> reports, after which the module reconnects (§1.2,
/// §3.3.5: <c>+MQTTREC: 0</c>), and ping reports switched on and off.
/// </summary>
public sealed class TimeoutAndPingSuite : Suite
{
    // Far below the 10 s default, so a report in time proves AT+MQTTTO took effect.
    private const int AckTimeout = 1;
    private static readonly TimeSpan Report = 4.Seconds();

    public override IEnumerable<Scenario> Scenarios(SuiteParameters p)
    {
        yield return AcksHeld("1.9 a held PUBACK is reported as +MQTTTO: 2", p)
            .Send(Mqtt.Pub(p.Topic, 1, "no ack")).ExpectOk()
            .ThenUrc<MqttTimeout>(t => t.Type == MqttTimeoutType.Publish, Report).Checks("1.9")
            .ThenUrc<MqttReconnect>(r => r.Attempt == 0, Report).Checks("3.3.5");

        yield return AcksHeld("1.9 a held SUBACK is reported as +MQTTTO: 3", p)
            .Send(Mqtt.Sub(p.Topic, 1)).ExpectOk()
            .ThenUrc<MqttTimeout>(t => t.Type == MqttTimeoutType.Subscribe, Report).Checks("1.9")
            .ThenUrc<MqttReconnect>(r => r.Attempt == 0, Report).Checks("3.3.5");

        yield return PlatformFlowSuite.Connected("1.9 a held UNSUBACK is reported as +MQTTTO: 4", p)
            .Send(Mqtt.Sub(p.Topic, 1)).ExpectOk().ThenUrc<SubAck>()
            .Send(Mqtt.Timeout(AckTimeout)).ExpectOk()
            .Broker(b => b.HoldAcks())
            .Send(Mqtt.Unsub(p.Topic)).ExpectOk()
            .ThenUrc<MqttTimeout>(t => t.Type == MqttTimeoutType.Unsubscribe, Report).Checks("1.9")
            .ThenUrc<MqttReconnect>(r => r.Attempt == 0, Report).Checks("3.3.5");

        // A ping every second; a report, when on, must come within a few.
        yield return PlatformFlowSuite.Connected("1.10 one AT+MQTTPING value shows +MQTTPINGRSP, the other hides it", p, keepAlive: 1)
            .ExpectPingReportsSwitchable(3.Seconds());
    }

    private static Scenario AcksHeld(string title, SuiteParameters p) => PlatformFlowSuite.Connected(title, p)
        .Send(Mqtt.Timeout(AckTimeout)).ExpectOk()
        .Broker(b => b.HoldAcks());
}
