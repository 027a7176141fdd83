using Conformance.Emulator.Mqtt;
using Conformance.Emulator.Platform;
using Conformance.Emulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Conformance.Emulator.Tests.Platform;

public sealed class OneNetPlatformTests
{
    private static readonly DateTimeOffset Noon = new(2018, 9, 6, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Noon);
    private OneNetPlatform _platform = null!;

    [SetUp]
    public async Task Start() => _platform = await OneNetPlatform.StartAsync(time: _time);

    [TearDown]
    public async Task Stop() => await _platform.DisposeAsync();

    private async Task<(MqttBackEnd BackEnd, Recorder<MqttEvent> Events, MqttConnectResult Result)> ConnectAsync(
        string deviceId, string? productId = null, string? apiKey = null)
    {
        var backEnd = new MqttBackEnd();
        var events = new Recorder<MqttEvent>();
        backEnd.EventReceived += events.Add;
        var request = new MqttConnectRequest(_platform.Host, _platform.Port, deviceId, productId, apiKey);
        return (backEnd, events, await backEnd.ConnectAsync(request).WaitAsync(Waiting.Timeout));
    }

    [Test]
    public async Task Registered_device_with_its_api_key_is_accepted()
    {
        _platform.RegisterDevice(new OneNetDevice("503000001", "188888", "apikey=="));

        var (backEnd, _, result) = await ConnectAsync("503000001", "188888", "apikey==");
        await using var _ = backEnd;

        Assert.That(result.Accepted, Is.True, result.ToString());
        Assert.That(await _platform.IsOnlineAsync("503000001"), Is.True);
        Assert.That(await _platform.GetOnlineDevicesAsync(), Is.EqualTo(new List<string> { "503000001" }));
    }

    [TestCase("188888", "wrong", ConnectReturnCode.BadUserNameOrPassword)]
    [TestCase("999999", "apikey==", ConnectReturnCode.BadUserNameOrPassword)]
    [TestCase(null, null, ConnectReturnCode.BadUserNameOrPassword)]
    public async Task Wrong_credentials_are_refused_and_the_device_stays_offline(string? productId, string? apiKey, ConnectReturnCode expected)
    {
        _platform.RegisterDevice(new OneNetDevice("503000001", "188888", "apikey=="));

        var (backEnd, _, result) = await ConnectAsync("503000001", productId, apiKey);
        await using var _ = backEnd;

        Assert.That(result.Reachable, Is.True);
        Assert.That(result.ReturnCode, Is.EqualTo(expected));
        Assert.That(backEnd.IsConnected, Is.False);
        Assert.That(await _platform.IsOnlineAsync("503000001"), Is.False);
    }

    [Test]
    public async Task Unknown_device_is_refused_as_an_invalid_identifier()
    {
        _platform.RegisterDevice(new OneNetDevice("503000001", "188888", "apikey=="));

        var (backEnd, _, result) = await ConnectAsync("503000002", "188888", "apikey==");
        await using var _ = backEnd;

        Assert.That(result.ReturnCode, Is.EqualTo(ConnectReturnCode.IdentifierRejected));
    }

    [Test]
    public async Task Without_a_device_table_everyone_is_accepted()
    {
        var (backEnd, _, result) = await ConnectAsync("anything", "any", "key");
        await using var _ = backEnd;

        Assert.That(result.Accepted, Is.True, result.ToString());
    }

    [Test]
    public async Task Dp_publishes_are_recorded_per_device_with_raw_bytes_qos_and_time()
    {
        var uploaded = new Recorder<DataPointUpload>();
        _platform.DataPointsUploaded += uploaded.Add;
        var (device, events, _) = await ConnectAsync("503000001");
        var (other, otherEvents, _) = await ConnectAsync("503000002");
        await using var a = device;
        await using var b = other;
        // Manual §4.3: type 3, 27 bytes of JSON.
        var payload = Convert.FromHexString("03001B7B2274657374223A2268656C6C6FEFBC8C776F726C64EFBC81227D");

        device.Publish(OneNetPlatform.DataPointTopic, payload, MqttQos.AtLeastOnce, retain: false);
        await events.NextAsync<PubAckReceived>();
        _time.Advance(TimeSpan.FromSeconds(30));
        var id = other.Publish(OneNetPlatform.DataPointTopic, new byte[] { 0x05, 0x00, 0x02, (byte)',', (byte)';' }, MqttQos.ExactlyOnce, retain: false);
        await otherEvents.FirstAsync(e => e == new PubCompReceived(id));

        var first = await uploaded.NextAsync();
        Assert.That(first.DeviceId, Is.EqualTo("503000001"));
        Assert.That(first.Payload, Is.EqualTo(payload));
        Assert.That(first.Qos, Is.EqualTo(MqttQos.AtLeastOnce));
        Assert.That(first.ReceivedAt, Is.EqualTo(Noon));
        Assert.That((await uploaded.NextAsync()).ReceivedAt, Is.EqualTo(Noon.AddSeconds(30)));
        Assert.That(_platform.UploadsOf("503000002").Single().Qos, Is.EqualTo(MqttQos.ExactlyOnce));
        Assert.That(_platform.Uploads.Select(u => u.DeviceId), Is.EqualTo(new List<string> { "503000001", "503000002" }));
    }

    [Test]
    public async Task Command_reaches_only_its_device_without_a_subscription()
    {
        var (device, events, _) = await ConnectAsync("503000001");
        var (other, otherEvents, _) = await ConnectAsync("503000002");
        await using var a = device;
        await using var b = other;

        await _platform.SendCommandAsync("503000001", "a1b2", "open,valve"u8.ToArray(), MqttQos.AtLeastOnce);
        await _platform.SendCommandAsync("503000002", "c3d4", "close"u8.ToArray());

        var command = await events.NextAsync<PublishReceived>();
        Assert.That(command.Topic, Is.EqualTo("$creq/a1b2"));
        Assert.That(command.Payload, Is.EqualTo("open,valve"u8.ToArray()));
        Assert.That(command.Qos, Is.EqualTo(MqttQos.AtLeastOnce));
        // The other device's first delivery is its own command, not the one meant for 503000001.
        Assert.That((await otherEvents.NextAsync<PublishReceived>()).Topic, Is.EqualTo("$creq/c3d4"));
    }

    [Test]
    public async Task A_subscription_asking_more_than_the_platform_grants_is_granted_and_delivered_at_its_maximum()
    {
        var (device, events, _) = await ConnectAsync("503000001");
        await using var module = device;
        await using var peer = await Peer.ConnectAsync(_platform.Port);
        _platform.MaximumGrantedQos = MqttQos.AtLeastOnce;

        var capped = module.Subscribe("plant/7/valve", MqttQos.ExactlyOnce);
        Assert.That(await events.NextAsync(), Is.EqualTo(new SubAckReceived(capped, 1)));
        _platform.MaximumGrantedQos = MqttQos.ExactlyOnce;
        var asked = module.Subscribe("plant/7/pump", MqttQos.ExactlyOnce);
        Assert.That(await events.NextAsync(), Is.EqualTo(new SubAckReceived(asked, 2)), "a limit raised again grants what is asked");

        await peer.PublishAsync("plant/7/valve", "open"u8.ToArray(), qos: 2);
        Assert.That((await events.NextAsync<PublishReceived>()).Qos, Is.EqualTo(MqttQos.AtLeastOnce), "delivered at the QoS granted, not the one published");
    }

    [Test]
    public void Command_to_a_device_that_never_connected_is_an_error()
    {
        Assert.That(async () => await _platform.SendCommandAsync("nobody", "a1b2", "x"u8.ToArray()),
            Throws.InvalidOperationException.With.Message.Contains("\"nobody\""));
        Assert.That(async () => await _platform.SendCommandAsync("nobody", "a/b", "x"u8.ToArray()),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("uuid"));
    }
}
