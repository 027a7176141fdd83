namespace Conformance.Harness.Tests.FieldMutants;

/// <summary>A broker in a few lines: every request acknowledged at once, a publish on a subscribed topic sent back at the lower QoS.</summary>
public sealed class LoopbackSide : IMqttSide
{
    private readonly Dictionary<string, int> _subscriptions = [];
    private int _packetId;

    public Task ConnectAsync(string clientId) => Task.CompletedTask;

    public Task<(int PacketId, int Code)> SubscribeAsync(string topic, int qos)
    {
        _subscriptions[topic] = qos;
        return Task.FromResult((++_packetId, qos));
    }

    public Task<int> UnsubscribeAsync(string topic)
    {
        _subscriptions.Remove(topic);
        return Task.FromResult(++_packetId);
    }

    public Task<(int PacketId, IReadOnlyList<Delivery> Back)> PublishAsync(string topic, int qos, byte[] message)
    {
        var id = qos == 0 ? 0 : ++_packetId;
        IReadOnlyList<Delivery> back = _subscriptions.TryGetValue(topic, out var granted)
            ? [new Delivery(Math.Min(qos, granted), Math.Min(qos, granted) == 0 ? 0 : ++_packetId, topic, message)]
            : [];
        return Task.FromResult((id, back));
    }

    public Task DisconnectAsync()
    {
        _subscriptions.Clear();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
