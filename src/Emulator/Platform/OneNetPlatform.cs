using System.Buffers;
using System.Collections.Concurrent;
using Conformance.Emulator.Mqtt;
using Conformance.Protocol.OneNet;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Conformance.Emulator.Platform;

/// <summary>
/// A OneNET-like platform on an <see cref="EmbeddedBroker"/>: checks device credentials (client id = device id,
/// user = product id, password = API key), records <c>$dp</c> uploads, knows who is online and sends platform
/// commands on <c>$creq/&lt;uuid&gt;</c>.
/// </summary>
/// <remarks><see cref="DataPointsUploaded"/> is raised on a broker thread.</remarks>
public sealed class OneNetPlatform : IAsyncDisposable
{
    public const string DataPointTopic = "$dp";
    public const string CommandTopicPrefix = "$creq/";

    private readonly ConcurrentDictionary<string, OneNetDevice> _devices = new();
    private readonly ConcurrentQueue<DataPointUpload> _uploads = new();
    private readonly TimeProvider _time;
    private EmbeddedBroker? _broker;
    private int _maximumGrantedQos = (int)MqttQos.ExactlyOnce;

    private OneNetPlatform(TimeProvider time) => _time = time;

    /// <summary>Raised for every publish to <c>$dp</c>, after it was recorded.</summary>
    public event EventHandler<DataPointUpload>? DataPointsUploaded;

    public EmbeddedBroker Broker => _broker ?? throw new InvalidOperationException("The platform is not started.");

    public string Host => Broker.Host;

    public int Port => Broker.Port;

    /// <summary>Every <c>$dp</c> upload so far, in arrival order.</summary>
    public IReadOnlyList<DataPointUpload> Uploads => [.. _uploads];

    /// <summary>
    /// The highest QoS the broker grants a subscription from now on (2, all of them, at start): a SUBSCRIBE asking more
    /// is granted this one, in its SUBACK and in what it delivers (MQTT 3.1.1 §3.9.3 lets a server grant less than asked).
    /// </summary>
    public MqttQos MaximumGrantedQos
    {
        get => (MqttQos)Volatile.Read(ref _maximumGrantedQos);
        set => Volatile.Write(ref _maximumGrantedQos, (int)value);
    }


    /// <summary>
    /// Starts the broker on <paramref name="port"/> (0 = a free port); times come from <paramref name="time"/>. On a
    /// clock other than the system's, a silent client is never cut: the module pings by that clock, and a loaded
    /// machine can spend seconds of real time while it stands still.
    /// </summary>
    public static async Task<OneNetPlatform> StartAsync(int port = 0, TimeProvider? time = null)
    {
        var platform = new OneNetPlatform(time ?? TimeProvider.System);
        platform._broker = await EmbeddedBroker.StartAsync(port, platform.Attach, wallClockKeepAlive: platform._time == TimeProvider.System);
        return platform;
    }

    /// <summary>Adds a device to the credential table; while the table is empty every CONNECT is accepted.</summary>
    public void RegisterDevice(OneNetDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentException.ThrowIfNullOrEmpty(device.DeviceId, nameof(device) + "." + nameof(device.DeviceId));
        _devices[device.DeviceId] = device;
    }

    public IReadOnlyList<DataPointUpload> UploadsOf(string deviceId) => [.. _uploads.Where(u => u.DeviceId == deviceId)];

    /// <summary>
    /// The data points <paramref name="deviceId"/> uploaded, decoded (spec §6), in arrival order: what the platform
    /// would show (manual §3.3.3). Uploads that do not decode show nothing, as on OneNET.
    /// </summary>
    public IReadOnlyList<DataPoint> DataPointsOf(string deviceId) =>
        [.. UploadsOf(deviceId).SelectMany(u => DpDecoder.Decode(u.Payload).Value?.DataPoints ?? [])];

    /// <summary>The client ids the broker has a live connection with right now.</summary>
    public async Task<IReadOnlyList<string>> GetOnlineDevicesAsync() =>
        [.. (await Broker.Server.GetClientsAsync()).Select(c => c.Id)];

    public async Task<bool> IsOnlineAsync(string deviceId) => (await GetOnlineDevicesAsync()).Contains(deviceId);

    /// <summary>
    /// Publishes <paramref name="payload"/> on <c>$creq/&lt;uuid&gt;</c> to that one device, which (as on OneNET)
    /// need not have subscribed.
    /// </summary>
    public async Task SendCommandAsync(string deviceId, string uuid, ReadOnlyMemory<byte> payload, MqttQos qos = MqttQos.AtMostOnce)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        ArgumentException.ThrowIfNullOrEmpty(uuid);
        if (uuid.AsSpan().IndexOfAny("/+#") >= 0)
            throw new ArgumentException($"The command uuid must not contain '/', '+' or '#': \"{uuid}\".", nameof(uuid));
        var server = Broker.Server;
        if (!await HasSessionAsync(server, deviceId))
            throw new InvalidOperationException($"Device \"{deviceId}\" has no session on the platform: it is not connected.");

        var topic = CommandTopicPrefix + uuid;
        // A server-side subscription to the exact topic delivers the command to this device only.
        await server.SubscribeAsync(deviceId, [new MqttTopicFilter { Topic = topic, QualityOfServiceLevel = MqttQualityOfServiceLevel.ExactlyOnce }]);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload.ToArray())
            .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)qos)
            .Build();
        await server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = "OneNET" }, CancellationToken.None);
    }

    private static async Task<bool> HasSessionAsync(MqttServer server, string deviceId)
    {
        // MQTTnet throws rather than returning null for an unknown session.
        try { return await server.GetSessionAsync(deviceId) is not null; }
        catch (InvalidOperationException) { return false; }
    }

    private void Attach(MqttServer server)
    {
        server.ValidatingConnectionAsync += e =>
        {
            e.ReasonCode = Check(e.ClientId, e.UserName, e.Password);
            return Task.CompletedTask;
        };
        server.InterceptingSubscriptionAsync += e =>
        {
            var granted = MaximumGrantedQos;
            if ((int)e.TopicFilter.QualityOfServiceLevel > (int)granted)
            {
                e.TopicFilter.QualityOfServiceLevel = (MqttQualityOfServiceLevel)granted;
                e.Response.ReasonCode = (MqttSubscribeReasonCode)granted;
            }
            return Task.CompletedTask;
        };
        server.InterceptingPublishAsync += e =>
        {
            if (e.ApplicationMessage.Topic == DataPointTopic) Record(e.ClientId, e.ApplicationMessage);
            return Task.CompletedTask;
        };
    }

    private MqttConnectReasonCode Check(string deviceId, string? productId, string? apiKey)
    {
        if (_devices.IsEmpty) return MqttConnectReasonCode.Success;
        if (!_devices.TryGetValue(deviceId, out var device)) return MqttConnectReasonCode.ClientIdentifierNotValid;
        return device.ProductId == productId && device.ApiKey == apiKey
            ? MqttConnectReasonCode.Success
            : MqttConnectReasonCode.BadUserNameOrPassword;
    }

    private void Record(string deviceId, MqttApplicationMessage message)
    {
        var upload = new DataPointUpload(deviceId, message.Payload.ToArray(), (MqttQos)message.QualityOfServiceLevel, _time.GetUtcNow());
        _uploads.Enqueue(upload);
        DataPointsUploaded?.Invoke(this, upload);
    }

    public async ValueTask DisposeAsync()
    {
        if (_broker is not null) await _broker.DisposeAsync();
    }
}
