using Conformance.Emulator.Platform;
using Conformance.Harness.Running;
using Conformance.Harness.Tests.Doubles;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Tests;

/// <summary>The suites catch non-conformance: with a fault on from the start, the scenario that depends on it fails and says why.</summary>
[Parallelizable(ParallelScope.Children)]
public class EmulatorFaultTests
{
    private static readonly string Open = "expected +MQTTOPEN where o => o.Ok within 15 s";

    [Test]
    public async Task Uplink_busy_fails_the_upload_with_the_error_code()
    {
        var result = await EmulatorSuiteCases.RunAsync(Dialect.Manual, null, "3.3.3 the manual's $dp upload is shown on the platform",
            host => host.Faults.UplinkBusy = true);

        Assert.That(result.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(result.Message, Does.Contain("AT+MQTTPUB=\"$dp\",2,0,0,30,03001B7B").And.Contain("expected OK; got '+CME ERROR: 652'"));
    }

    [Test]
    public async Task Unanswered_pings_fail_the_ping_report_check()
    {
        var result = await EmulatorSuiteCases.RunAsync(Dialect.Field, null, "1.10 one AT+MQTTPING value shows +MQTTPINGRSP, the other hides it",
            host => host.Faults.PingUnanswered = true);

        Assert.That(result.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(result.Message, Does.Contain("§1.10 no +MQTTPINGRSP within 3 s after AT+MQTTPING=0 nor after AT+MQTTPING=1"));
    }

    [Test]
    public async Task Bad_credentials_fail_the_login_with_MQTTOPEN_FAIL()
    {
        var result = await EmulatorSuiteCases.RunAsync(Dialect.Manual, null, "4.2 create, log in, subscribe, publish, upload, log out, delete",
            host => host.Platform!.RegisterDevice(new OneNetDevice(HarnessRun.Parameters.DeviceId, HarnessRun.Parameters.ProductId, "another-key")));

        Assert.That(result.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(result.Message, Does.Contain(Open).And.Contain("+MQTTOPEN: FAIL"));
    }

    [Test]
    public async Task An_unreachable_broker_fails_the_login()
    {
        var result = await EmulatorSuiteCases.RunAsync(Dialect.Field, null, "3.3.1 a platform command on $creq arrives as +MQTTPUBLISH",
            host => host.Faults.BrokerUnreachable = true);

        Assert.That(result.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(result.Message, Does.Contain(Open));
    }

    [Test]
    public async Task Held_acks_fail_the_login_before_any_ack_timeout_can_be_checked()
    {
        var result = await EmulatorSuiteCases.RunAsync(Dialect.Manual, null, "1.9 a held PUBACK is reported as +MQTTTO: 2",
            host => host.Faults.DelayAcks());

        Assert.That(result.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(result.Message, Does.Contain(Open));
    }
}
