using System.Buffers;
using System.Net;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Conformance.Harness.Tests.FieldMutants;

/// <summary>
/// The scripted module's MQTT client on a real broker: an MQTTnet server on the loopback interface, started for it,
/// and an MQTTnet client that connects wherever the module was told to connect.
/// </summary>
public sealed class BrokerSide : IMqttSide
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly MqttServer _broker;
    private readonly int _port;
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly Channel<Delivery> _inbox = Channel.CreateUnbounded<Delivery>();
    private readonly HashSet<string> _subscribed = [];
    private int _connections;

    private BrokerSide(MqttServer broker, int port)
    {
        _broker = broker;
        _port = port;
        _broker.ClientConnectedAsync += _ =>
        {
            Interlocked.Increment(ref _connections);
            return Task.CompletedTask;
        };
        _client.ApplicationMessageReceivedAsync += e =>
        {
            var message = e.ApplicationMessage;
            _inbox.Writer.TryWrite(new Delivery((int)message.QualityOfServiceLevel, message.QualityOfServiceLevel == MqttQualityOfServiceLevel.AtMostOnce ? 0 : e.PacketIdentifier,
                message.Topic, message.Payload.ToArray()));
            return Task.CompletedTask;
        };
    }

    /// <summary>How many times a client connected to the broker.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Starts the broker on a free loopback port.</summary>
    public static async Task<BrokerSide> StartAsync()
    {
        // The free port may be taken before the broker binds it (tests run in parallel): then try another.
        for (var attempt = 1; ; attempt++)
        {
            try { return await StartOnFreePortAsync(); }
            catch (System.Net.Sockets.SocketException e) when (attempt < 5 && e.SocketErrorCode == System.Net.Sockets.SocketError.AddressAlreadyInUse) { }
        }
    }

    private static async Task<BrokerSide> StartOnFreePortAsync()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var factory = new MqttServerFactory();
        var options = factory.CreateServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None).WithDefaultEndpointPort(port).Build();
        var broker = factory.CreateMqttServer(options);
        await broker.StartAsync();
        return new BrokerSide(broker, port);
    }

    public async Task ConnectAsync(string clientId)
    {
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _port).WithClientId(clientId)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311).WithCleanSession().Build();
        using var cancel = new CancellationTokenSource(Patience);
        await _client.ConnectAsync(options, cancel.Token);
    }

    public async Task<(int PacketId, int Code)> SubscribeAsync(string topic, int qos)
    {
        using var cancel = new CancellationTokenSource(Patience);
        var result = await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topic, (MqttQualityOfServiceLevel)qos).Build(), cancel.Token);
        _subscribed.Add(topic);
        return (result.PacketIdentifier, (int)result.Items.First().ResultCode);
    }

    public async Task<int> UnsubscribeAsync(string topic)
    {
        using var cancel = new CancellationTokenSource(Patience);
        var result = await _client.UnsubscribeAsync(new MqttClientUnsubscribeOptionsBuilder().WithTopicFilter(topic).Build(), cancel.Token);
        _subscribed.Remove(topic);
        return result.PacketIdentifier;
    }

    // The broker's copy of a publish on a subscribed topic comes back on its own time: wait for it, so the module's
    // answer holds it as the manual's examples show.
    public async Task<(int PacketId, IReadOnlyList<Delivery> Back)> PublishAsync(string topic, int qos, byte[] message)
    {
        using var cancel = new CancellationTokenSource(Patience);
        var result = await _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(message)
            .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)qos).Build(), cancel.Token);
        List<Delivery> back = [];
        if (_subscribed.Contains(topic)) back.Add(await _inbox.Reader.ReadAsync(cancel.Token));
        return (result.PacketIdentifier ?? 0, back);
    }

    public async Task DisconnectAsync()
    {
        _subscribed.Clear();
        while (_inbox.Reader.TryRead(out _)) { /* what came for the old session */ }
        if (_client.IsConnected) await _client.DisconnectAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _broker.StopAsync(new MqttServerStopOptions());
        _broker.Dispose();
    }
}
