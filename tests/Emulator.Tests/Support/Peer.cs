using System.Buffers;
using MQTTnet;
using MQTTnet.Protocol;

namespace Conformance.Emulator.Tests.Support;

/// <summary>A plain MQTTnet client on the broker side: the other end of the module's conversation.</summary>
internal sealed class Peer : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public Recorder<MqttApplicationMessage> Received { get; } = new();

    public static async Task<Peer> ConnectAsync(int port)
    {
        var peer = new Peer();
        peer._client.ApplicationMessageReceivedAsync += e =>
        {
            peer.Received.Add(peer, e.ApplicationMessage);
            return Task.CompletedTask;
        };
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId("peer-" + Guid.NewGuid().ToString("N"))
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311)
            .Build();
        await peer._client.ConnectAsync(options).WaitAsync(Waiting.Timeout);
        return peer;
    }

    public Task SubscribeAsync(string topic) =>
        _client.SubscribeAsync(topic, MqttQualityOfServiceLevel.ExactlyOnce).WaitAsync(Waiting.Timeout);

    public Task PublishAsync(string topic, byte[] payload, int qos) =>
        _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)qos)
            .Build()).WaitAsync(Waiting.Timeout);

    public static byte[] PayloadOf(MqttApplicationMessage message) => message.Payload.ToArray();

    public async ValueTask DisposeAsync()
    {
        await _client.DisconnectAsync();
        _client.Dispose();
    }
}
