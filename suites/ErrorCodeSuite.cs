using Conformance.Harness.Dsl;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;

namespace Conformance.Suites;

/// <summary>
/// Manual chapter 2: each <c>+CME ERROR</c> code provoked where a host can make the module produce it.
/// The manual names the codes but not which command gives which; where two codes fit a case, both pass.
/// 653 (resource operation error) is not checked: nothing a host can send makes a module run out of
/// resources on purpose.
/// </summary>
public sealed class ErrorCodeSuite : Suite
{
    public override IEnumerable<Scenario> Scenarios(SuiteParameters p)
    {
        // A set command without its mandatory QoS is a syntax error whatever the state.
        yield return Scenario("2 601 command syntax error for AT+MQTTSUB without a QoS")
            .Reset()
            .Send(new UnknownCommand($"AT+MQTTSUB=\"{p.Topic}\"")).ExpectCmeError(601).Checks("2");

        // "Already registered" is 602's own wording; 651 (not allowed) also fits a second instance (§3.3.4).
        yield return Scenario("2 602 a second AT+MQTTCFG before AT+MQTTDEL")
            .Reset()
            .Send(PlatformFlowSuite.Cfg(p)).ExpectOk()
            .Send(PlatformFlowSuite.Cfg(p)).ExpectCmeError(602, 651).Checks("2");

        // "Device not registered": no instance to connect; 651 fits too.
        yield return Scenario("2 602 AT+MQTTOPEN without a client instance")
            .Reset()
            .Send(Mqtt.Open()).ExpectCmeError(602, 651).Checks("2");

        // Subscribing or publishing needs a connection: "operation not allowed"; 602 (wrong state) fits too.
        yield return Scenario("2 651 AT+MQTTSUB and AT+MQTTPUB without a connection")
            .Reset()
            .Send(PlatformFlowSuite.Cfg(p)).ExpectOk()
            .Send(Mqtt.Sub(p.Topic, 1)).ExpectCmeError(651, 602).Checks("2")
            .Send(Mqtt.Pub(p.Topic, 1, "not connected")).ExpectCmeError(651, 602).Checks("2");

        yield return PlatformFlowSuite.Connected("2 652 AT+MQTTPUB while the uplink is busy", p)
            .Broker(b => b.MakeUplinkBusy())
            .Send(Mqtt.Pub(p.Topic, 1, "busy")).ExpectCmeError(652).Checks("2");

        // The manual's §1.7 code for "no connection" is the generic 3GPP 3.
        yield return Scenario("2 3 AT+MQTTDISC without a connection")
            .Reset()
            .Send(PlatformFlowSuite.Cfg(p)).ExpectOk()
            .Send(Mqtt.Disc()).ExpectCmeError(3).Checks("2");
    }
}
