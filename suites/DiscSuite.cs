using Conformance.Harness.Dsl;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;
using MQTTnet.Packets;

namespace Conformance.Suites;

/// <summary>Manual §1.7: disconnecting reports OK, then <c>+MQTTDISC: OK</c>, and never reconnects.</summary>
public sealed class DiscSuite : Suite
{
    public override IEnumerable<Scenario> Scenarios(SuiteParameters p)
    {
        yield return Start.Connected("1.7 disconnect answers OK, then +MQTTDISC: OK, and stays disconnected", p)
            .Send(Mqtt.Disc()).ExpectOk().ThenUrc<MqttDisconnected>()
            // Closing the socket without DISCONNECT is a lost link to the broker: it publishes the will.
            .ExpectLastSent<MqttDisconnectPacket>()
            .Send(Mqtt.Stat()).ExpectInfo<MqttStatus>(s => s.State == MqttState.Disconnected).ExpectOk().Checks("1.3")
            .NoOtherUrcs().Checks("1.7");

        yield return Start.Configured("1.7 disconnect without a connection is +CME ERROR: 3", p)
            .Send(Mqtt.Disc()).ExpectCmeError(3)
            .NoOtherUrcs();
    }
}
