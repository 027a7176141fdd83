using System.Text;
using Conformance.Emulator.Modem;
using Conformance.Emulator.Platform;
using Conformance.Emulator.Tests.Support;
using Conformance.Protocol.OneNet;
using Conformance.Protocol.Responses;

namespace Conformance.Emulator.Tests.Modem;

/// <summary>Keep-alive, ACK timeouts, reconnection and every fault mode, on fake time against the embedded platform.</summary>
public sealed class TimerAndFaultTests
{
    private static readonly TimeSpan KeepAlive = FakeTimeModule.KeepAlive;
    private static readonly TimeSpan AckTimeout = FakeTimeModule.AckTimeout;
    private static readonly TimeSpan ReconnectInterval = FakeTimeModule.ReconnectInterval;

    private FakeTimeModule _rig = null!;

    [SetUp]
    public async Task Start() => _rig = await FakeTimeModule.StartAsync();

    [TearDown]
    public Task Stop() => _rig.DisposeAsync().AsTask();

    [Test]
    public async Task Keep_alive_pings_are_reported_while_reports_are_on()
    {
        await _rig.ConnectAsync();
        _rig.Time.Advance(KeepAlive);
        await _rig.Host.ExpectLinesAsync("+MQTTPINGRSP: OK");

        await _rig.Host.ExpectAsync("AT+MQTTPING=1", "OK");
        _rig.Time.Advance(KeepAlive);
        // A report of this second ping would come before the disconnect's.
        await _rig.Host.ExpectAsync("AT+MQTTDISC", "OK");
        await _rig.Host.ExpectLinesAsync("+MQTTDISC: OK");
    }

    [Test]
    public async Task A_ping_goes_out_only_after_keepAlive_without_a_packet_sent()
    {
        // Manual §3.3.5: the module pings when it has no data to do; a publish half-way postpones the ping.
        await _rig.ConnectAsync();
        _rig.Time.Advance(KeepAlive / 2);
        await _rig.Host.ExpectAsync("AT+MQTTPUB=\"led2\",0,0,0,0,\"x\"", "OK");

        _rig.Time.Advance(KeepAlive / 2);
        Assert.That(_rig.Emulator.Module.AwaitedAnswers, Does.Not.Contain(MqttTimeoutType.Ping));

        _rig.Time.Advance(KeepAlive / 2);
        Assert.That(_rig.Emulator.Module.AwaitedAnswers, Does.Contain(MqttTimeoutType.Ping));
        await _rig.Host.ExpectLinesAsync("+MQTTPINGRSP: OK");
    }

    [Test]
    public async Task Ping_report_polarity_follows_the_option()
    {
        await _rig.DisposeAsync();
        _rig = await FakeTimeModule.StartAsync(new EmulatorOptions { PingReportsOnValue = 1 });

        await _rig.ConnectAsync();
        await _rig.Host.ExpectAsync("AT+MQTTPING=1", "OK");
        _rig.Time.Advance(KeepAlive);
        await _rig.Host.ExpectLinesAsync("+MQTTPINGRSP: OK");
    }

    [Test]
    public async Task Three_missed_pings_then_three_failed_reconnections_end_in_MQTTDISC()
    {
        await _rig.ConnectAsync();
        _rig.Emulator.Faults.PingUnanswered = true;
        await _rig.MissThreePingsAsync();
        _rig.Emulator.Faults.BrokerUnreachable = true;
        _rig.Time.Advance(ReconnectInterval);
        await _rig.Host.ExpectLinesAsync("+MQTTREC: 1");
        _rig.Time.Advance(ReconnectInterval);
        await _rig.Host.ExpectLinesAsync("+MQTTREC: 2");
        _rig.Time.Advance(ReconnectInterval);
        await _rig.Host.ExpectLinesAsync("+MQTTDISC: OK");
        await _rig.Host.ExpectAsync("AT+MQTTSTAT?", "+MQTTSTAT: 2", "OK");
    }

    [Test]
    public async Task A_dropped_connection_is_reconnected()
    {
        await _rig.ConnectAsync();
        await _rig.Emulator.Faults.DropConnectionAsync();
        await _rig.Host.ExpectLinesAsync("+MQTTREC: 0");
        await _rig.Host.ExpectAsync("AT+MQTTSTAT?", "+MQTTSTAT: 4", "OK");
        _rig.Time.Advance(ReconnectInterval);
        await _rig.Host.ExpectLinesAsync("+MQTTOPEN: OK");
        await _rig.Host.ExpectAsync("AT+MQTTSTAT?", "+MQTTSTAT: 5", "OK");
    }

    [Test]
    public async Task The_platform_judges_keep_alive_by_the_module_clock_not_the_wall_clock()
    {
        // Keep-alive 1 s, and the module's clock stands still: no ping is due, so the link must stay up however
        // long the wall clock runs (a broker on the wall clock would cut it after 1.5 s of silence).
        await _rig.OpenAsync(keepAlive: TimeSpan.FromSeconds(1));
        await _rig.Host.ExpectLinesAsync("+MQTTOPEN: OK");

        await Task.Delay(TimeSpan.FromSeconds(3));

        await _rig.Host.ExpectAsync("AT+MQTTSTAT?", "+MQTTSTAT: 5", "OK");
        Assert.That(await _rig.Emulator.Platform!.IsOnlineAsync(_rig.DeviceId), Is.True);
    }

    [Test]
    public async Task A_deliberate_disconnect_is_not_reconnected()
    {
        await _rig.ConnectAsync();
        await _rig.Host.ExpectAsync("AT+MQTTDISC", "OK");
        await _rig.Host.ExpectLinesAsync("+MQTTDISC: OK");
        _rig.Time.Advance(KeepAlive * 5);
        await _rig.Host.ExpectAsync("AT+MQTTSTAT?", "+MQTTSTAT: 2", "OK");
    }

    // Manual §1.2: an ACK timeout, like a failed send or missed pings, makes the module reconnect; the ACK of the
    // connection it gave up never shows.
    [TestCase("AT+MQTTSUB=\"led2\",1", "+MQTTTO: 3")]
    [TestCase("AT+MQTTPUB=\"led3\",1,0,0,0,\"x\"", "+MQTTTO: 2")]
    [TestCase("AT+MQTTPUB=\"led3\",2,0,0,0,\"x\"", "+MQTTTO: 2")]
    [TestCase("AT+MQTTUNSUB=\"led2\"", "+MQTTTO: 4")]
    public async Task An_ack_timeout_is_reported_with_its_type_and_the_module_reconnects(string command, string timeout)
    {
        await _rig.ConnectAsync();
        _rig.Emulator.Faults.DelayAcks();
        await _rig.Host.ExpectAsync(command, "OK");

        _rig.Time.Advance(AckTimeout);

        await _rig.Host.ExpectLinesAsync(timeout, "+MQTTREC: 0");
        await _rig.Host.ExpectAsync("AT+MQTTSTAT?", "+MQTTSTAT: 4", "OK");
        await _rig.Emulator.Faults.ReleaseAcksAsync();
        _rig.Time.Advance(ReconnectInterval);
        await _rig.Host.ExpectLinesAsync("+MQTTOPEN: OK");
        await _rig.Host.ExpectAsync("AT+MQTTSTAT?", "+MQTTSTAT: 5", "OK");
    }

    [Test]
    public async Task A_late_CONNACK_gives_MQTTTO_1_and_the_open_fails()
    {
        _rig.Emulator.Faults.DelayAcks();
        await _rig.OpenAsync();
        _rig.Time.Advance(AckTimeout);
        await _rig.Host.ExpectLinesAsync("+MQTTTO: 1", "+MQTTOPEN: FAIL", "+MQTTREC: 0");
        await _rig.Host.ExpectAsync("AT+MQTTSTAT?", "+MQTTSTAT: 4", "OK");
    }

    [Test]
    public async Task Acks_in_time_raise_no_timeout()
    {
        await _rig.ConnectAsync();
        await _rig.Host.ExpectAsync("AT+MQTTPUB=\"led2\",2,0,0,0,\"x\"", "OK");
        await _rig.Host.NextLineAsync();
        await _rig.Host.NextLineAsync();
        _rig.Time.Advance(AckTimeout * 2);
        await _rig.Host.ExpectAsync("AT", "OK");
    }

    [Test]
    public async Task Uplink_busy_refuses_publishes_with_652()
    {
        await _rig.ConnectAsync();
        _rig.Emulator.Faults.UplinkBusy = true;
        await _rig.Host.ExpectAsync("AT+MQTTPUB=\"led2\",0,0,0,0,\"x\"", "+CME ERROR: 652");
        _rig.Emulator.Faults.UplinkBusy = false;
        await _rig.Host.ExpectAsync("AT+MQTTPUB=\"led2\",0,0,0,0,\"x\"", "OK");
    }

    [Test]
    public async Task Bad_credentials_fail_the_open_without_reconnecting()
    {
        _rig.Emulator.Platform!.RegisterDevice(new OneNetDevice(_rig.DeviceId, "165920", "right-key"));
        await _rig.OpenAsync("wrong-key");
        await _rig.Host.ExpectLinesAsync("+MQTTOPEN: FAIL");
        _rig.Time.Advance(ReconnectInterval * 5);
        await _rig.Host.ExpectAsync("AT+MQTTSTAT?", "+MQTTSTAT: 2", "OK");
        Assert.That(_rig.Host.HasNoPendingLine, Is.True);
    }

    [Test]
    public async Task An_unreachable_broker_fails_the_open_and_the_retries()
    {
        _rig.Emulator.Faults.BrokerUnreachable = true;
        await _rig.OpenAsync();
        await _rig.Host.ExpectLinesAsync("+MQTTOPEN: FAIL", "+MQTTREC: 0");
        _rig.Time.Advance(ReconnectInterval);
        await _rig.Host.ExpectLinesAsync("+MQTTREC: 1");
        _rig.Emulator.Faults.BrokerUnreachable = false;
        _rig.Time.Advance(ReconnectInterval);
        await _rig.Host.ExpectLinesAsync("+MQTTOPEN: OK");
    }

    [Test]
    public async Task Data_points_published_to_dp_show_on_the_platform()
    {
        await _rig.ConnectAsync();
        await _rig.Host.ExpectAsync(
            "AT+MQTTPUB=$dp,2,1,0,30,03001B7b2274657374223a2268656c6c6fefbc8c776f726c64efbc81227d", "OK");
        await _rig.Host.NextLineAsync();
        await _rig.Host.NextLineAsync();

        var points = _rig.Emulator.Platform!.DataPointsOf(_rig.DeviceId);
        Assert.That(points, Has.Count.EqualTo(1));
        Assert.That(points[0].DatastreamId, Is.EqualTo("test"));
        Assert.That(points[0].Value.Text, Is.EqualTo("hello，world！"));
    }

    [Test]
    public async Task Platform_commands_arrive_as_MQTTPUBLISH_on_creq()
    {
        await _rig.ConnectAsync();
        await _rig.Emulator.Platform!.SendCommandAsync(_rig.DeviceId, "42", Encoding.UTF8.GetBytes("led=on"));
        await _rig.Host.ExpectLinesAsync("+MQTTPUBLISH: 0,0,0,0,\"$creq/42\",6", "led=on");
    }
}
