namespace Conformance.Harness.Tests.FieldMutants;

/// <summary>
/// The scripted module's MQTT client: what each MQTT command does on the network and what comes back, as the numbers
/// its URCs report (packet ids, granted QoS, the publishes delivered back to it).
/// </summary>
public interface IMqttSide : IAsyncDisposable
{
    Task ConnectAsync(string clientId);

    /// <summary>SUBSCRIBE; the SUBACK's packet id and return code.</summary>
    Task<(int PacketId, int Code)> SubscribeAsync(string topic, int qos);

    /// <summary>UNSUBSCRIBE; the UNSUBACK's packet id.</summary>
    Task<int> UnsubscribeAsync(string topic);

    /// <summary>PUBLISH, to its end (PUBACK, or PUBREC and PUBCOMP); its packet id and the publishes it brought back.</summary>
    Task<(int PacketId, IReadOnlyList<Delivery> Back)> PublishAsync(string topic, int qos, byte[] message);

    Task DisconnectAsync();
}

/// <summary>A publish the broker delivered to the module.</summary>
public sealed record Delivery(int Qos, int PacketId, string Topic, byte[] Message);
