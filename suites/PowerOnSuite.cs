using Conformance.Harness.Dsl;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;

namespace Conformance.Suites;

/// <summary>Manual §4.1: the module answers, has signal, is registered and attached before MQTT is used.</summary>
public sealed class PowerOnSuite : Suite
{
    public override IEnumerable<Scenario> Scenarios(SuiteParameters p)
    {
        yield return Scenario("4.1 module answers AT")
            .Send(At.Attention()).ExpectOk();

        yield return Scenario("4.1 signal quality in range")
            .Send(At.Csq()).ExpectInfo<SignalQuality>(q => q.Rssi is >= 0 and <= 31 or 99).ExpectOk();

        yield return Scenario("4.1 registered and attached")
            .Send(At.CeregRead()).ExpectInfo<Registration>(r => r.Stat is 1 or 5).ExpectOk()
            .Send(At.CgattRead()).ExpectInfo<Attach>(a => a.Attached).ExpectOk();
    }
}
