using System.Text;
using Conformance.Emulator.Hosting;
using Conformance.Emulator.Modem;
using Conformance.Emulator.Platform;
using Conformance.Emulator.Tests.Support;
using Conformance.Protocol.OneNet;
using Microsoft.Extensions.Time.Testing;

namespace Conformance.Emulator.Tests.Modem;

/// <summary>Keep-alive, ACK timeouts, reconnection and every fault mode, on fake time against the embedded platform.</summary>
public sealed class TimerAndFaultTests
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ReconnectInterval = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _time = new();
    private EmulatorHost _emulator = null!;
    private AtTerminal _host = null!;
    private string _deviceId = null!;

    [SetUp]
    public async Task Start()
    {
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions { TimeProvider = _time, ReconnectInterval = ReconnectInterval });
        _host = new AtTerminal(_emulator.OpenStream());
        _deviceId = "dev" + Guid.NewGuid().ToString("N")[..8];
    }

    [TearDown]
    public async Task Stop()
    {
        await _host.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    private async Task OpenAsync(string apiKey = "key")
    {
        await _host.ExpectAsync($"AT+MQTTCFG=\"183.230.40.39\",6002,\"{_deviceId}\",{KeepAlive.TotalSeconds},\"165920\",\"{apiKey}\",1", "OK");
        await _host.ExpectAsync("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK");
    }

    private async Task ConnectAsync()
    {
        await OpenAsync();
        await _host.ExpectLinesAsync("+MQTTOPEN: OK");
    }

    [Test]
    public async Task Keep_alive_pings_are_reported_while_reports_are_on()
    {
        await ConnectAsync();
        _time.Advance(KeepAlive);
        await _host.ExpectLinesAsync("+MQTTPINGRSP: OK");

        await _host.ExpectAsync("AT+MQTTPING=1", "OK");
        _time.Advance(KeepAlive);
        // A report of this second ping would come before the disconnect's.
        await _host.ExpectAsync("AT+MQTTDISC", "OK");
        await _host.ExpectLinesAsync("+MQTTDISC: OK");
    }

    [Test]
    public async Task Ping_report_polarity_follows_the_option()
    {
        await _host.DisposeAsync();
        await _emulator.DisposeAsync();
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions { TimeProvider = _time, PingReportsOnValue = 1 });
        _host = new AtTerminal(_emulator.OpenStream());

        await ConnectAsync();
        await _host.ExpectAsync("AT+MQTTPING=1", "OK");
        _time.Advance(KeepAlive);
        await _host.ExpectLinesAsync("+MQTTPINGRSP: OK");
    }

    [Test]
    public async Task Three_missed_pings_then_three_failed_reconnections_end_in_MQTTDISC()
    {
        await ConnectAsync();
        _emulator.Faults.PingUnanswered = true;
        _time.Advance(AckTimeout);
        for (var i = 0; i < 3; i++)
        {
            _time.Advance(KeepAlive - AckTimeout);
            _time.Advance(AckTimeout);
            await _host.ExpectLinesAsync("+MQTTTO: 5");
        }
        await _host.ExpectLinesAsync("+MQTTREC: 0");
        _emulator.Faults.BrokerUnreachable = true;
        _time.Advance(ReconnectInterval);
        await _host.ExpectLinesAsync("+MQTTREC: 1");
        _time.Advance(ReconnectInterval);
        await _host.ExpectLinesAsync("+MQTTREC: 2");
        _time.Advance(ReconnectInterval);
        await _host.ExpectLinesAsync("+MQTTDISC: OK");
        await _host.ExpectAsync("AT+MQTTSTAT?", "+MQTTSTAT: 2", "OK");
    }

    [Test]
    public async Task A_dropped_connection_is_reconnected()
    {
        await ConnectAsync();
        await _emulator.Faults.DropConnectionAsync();
        await _host.ExpectLinesAsync("+MQTTREC: 0");
        await _host.ExpectAsync("AT+MQTTSTAT?", "+MQTTSTAT: 4", "OK");
        _time.Advance(ReconnectInterval);
        await _host.ExpectLinesAsync("+MQTTOPEN: OK");
        await _host.ExpectAsync("AT+MQTTSTAT?", "+MQTTSTAT: 5", "OK");
    }

    [Test]
    public async Task A_deliberate_disconnect_is_not_reconnected()
    {
        await ConnectAsync();
        await _host.ExpectAsync("AT+MQTTDISC", "OK");
        await _host.ExpectLinesAsync("+MQTTDISC: OK");
        _time.Advance(KeepAlive * 5);
        await _host.ExpectAsync("AT+MQTTSTAT?", "+MQTTSTAT: 2", "OK");
    }

    [Test]
    public async Task Late_acks_give_MQTTTO_with_their_type_and_the_ack_still_shows_when_it_comes()
    {
        await ConnectAsync();
        _emulator.Faults.DelayAcks();
        await _host.ExpectAsync("AT+MQTTTO=3", "OK");
        await _host.ExpectAsync("AT+MQTTSUB=\"led2\",1", "OK");
        await _host.ExpectAsync("AT+MQTTPUB=\"led3\",1,0,0,0,\"x\"", "OK");
        _time.Advance(TimeSpan.FromSeconds(3));
        await _host.ExpectLinesAsync("+MQTTTO: 3", "+MQTTTO: 2");
        await _host.ExpectAsync("AT+MQTTUNSUB=\"led2\"", "OK");
        _time.Advance(TimeSpan.FromSeconds(3));
        await _host.ExpectLinesAsync("+MQTTTO: 4");

        await _emulator.Faults.ReleaseAcksAsync();
        var late = new[] { await _host.NextLineAsync(), await _host.NextLineAsync(), await _host.NextLineAsync() };
        Assert.That(late, Has.Some.Match("^\\+MQTTSUBACK: [0-9]+,1,\"led2\"$"));
        Assert.That(late, Has.Some.Match("^\\+MQTTPUBACK: [0-9]+,1$"));
        Assert.That(late, Has.Some.Match("^\\+MQTTUNSUBACK: [0-9]+$"));
    }

    [Test]
    public async Task A_late_CONNACK_gives_MQTTTO_1_and_the_open_fails()
    {
        _emulator.Faults.DelayAcks();
        await OpenAsync();
        _time.Advance(AckTimeout);
        await _host.ExpectLinesAsync("+MQTTTO: 1", "+MQTTOPEN: FAIL", "+MQTTREC: 0");
        await _host.ExpectAsync("AT+MQTTSTAT?", "+MQTTSTAT: 4", "OK");
    }

    [Test]
    public async Task Acks_in_time_raise_no_timeout()
    {
        await ConnectAsync();
        await _host.ExpectAsync("AT+MQTTPUB=\"led2\",2,0,0,0,\"x\"", "OK");
        await _host.NextLineAsync();
        await _host.NextLineAsync();
        _time.Advance(AckTimeout * 2);
        await _host.ExpectAsync("AT", "OK");
    }

    [Test]
    public async Task Uplink_busy_refuses_publishes_with_652()
    {
        await ConnectAsync();
        _emulator.Faults.UplinkBusy = true;
        await _host.ExpectAsync("AT+MQTTPUB=\"led2\",0,0,0,0,\"x\"", "+CME ERROR: 652");
        _emulator.Faults.UplinkBusy = false;
        await _host.ExpectAsync("AT+MQTTPUB=\"led2\",0,0,0,0,\"x\"", "OK");
    }

    [Test]
    public async Task Bad_credentials_fail_the_open_without_reconnecting()
    {
        _emulator.Platform!.RegisterDevice(new OneNetDevice(_deviceId, "165920", "right-key"));
        await OpenAsync("wrong-key");
        await _host.ExpectLinesAsync("+MQTTOPEN: FAIL");
        _time.Advance(ReconnectInterval * 5);
        await _host.ExpectAsync("AT+MQTTSTAT?", "+MQTTSTAT: 2", "OK");
        Assert.That(_host.HasNoPendingLine, Is.True);
    }

    [Test]
    public async Task An_unreachable_broker_fails_the_open_and_the_retries()
    {
        _emulator.Faults.BrokerUnreachable = true;
        await OpenAsync();
        await _host.ExpectLinesAsync("+MQTTOPEN: FAIL", "+MQTTREC: 0");
        _time.Advance(ReconnectInterval);
        await _host.ExpectLinesAsync("+MQTTREC: 1");
        _emulator.Faults.BrokerUnreachable = false;
        _time.Advance(ReconnectInterval);
        await _host.ExpectLinesAsync("+MQTTOPEN: OK");
    }

    [Test]
    public async Task Data_points_published_to_dp_show_on_the_platform()
    {
        await ConnectAsync();
        await _host.ExpectAsync(
            "AT+MQTTPUB=$dp,2,1,0,30,03001B7b2274657374223a2268656c6c6fefbc8c776f726c64efbc81227d", "OK");
        await _host.NextLineAsync();
        await _host.NextLineAsync();

        var points = _emulator.Platform!.DataPointsOf(_deviceId);
        Assert.That(points, Has.Count.EqualTo(1));
        Assert.That(points[0].DatastreamId, Is.EqualTo("test"));
        Assert.That(points[0].Value.Text, Is.EqualTo("hello，world！"));
    }

    [Test]
    public async Task Platform_commands_arrive_as_MQTTPUBLISH_on_creq()
    {
        await ConnectAsync();
        await _emulator.Platform!.SendCommandAsync(_deviceId, "42", Encoding.UTF8.GetBytes("led=on"));
        await _host.ExpectLinesAsync("+MQTTPUBLISH: 0,0,0,0,\"$creq/42\",6", "led=on");
    }
}
