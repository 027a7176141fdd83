using Conformance.Protocol.OneNet;
using MQTTnet.Packets;

namespace Conformance.Harness.Links;

/// <summary>
/// A target whose OneNET platform side the harness can see and use: what a device uploaded to <c>$dp</c>, and
/// commands sent on <c>$creq/&lt;uuid&gt;</c>, the packets the module put on the wire and their ids. Declared as <see cref="Capabilities.BrokerView"/>.
/// </summary>
public interface IPlatformView
{
    /// <summary>The data points <paramref name="deviceId"/> uploaded so far, decoded, in arrival order.</summary>
    IReadOnlyList<DataPoint> DataPointsOf(string deviceId);

    /// <summary>Sends <paramref name="payload"/> to the connected device on <c>$creq/&lt;uuid&gt;</c>.</summary>
    /// <exception cref="InvalidOperationException">No device of that id is connected.</exception>
    Task SendCommandAsync(string deviceId, string uuid, ReadOnlyMemory<byte> payload);

    /// <summary>
    /// The requests the module sent the broker so far that carry a packet id (PUBLISH at QoS 1 or 2, SUBSCRIBE,
    /// UNSUBSCRIBE), as on the wire, in order; null when this target cannot see its packets.
    /// </summary>
    IReadOnlyList<WireRequest>? RequestsSent();

    /// <summary>
    /// Every packet the module sent the broker so far (CONNECT, PUBLISH, SUBSCRIBE ...), decoded as the broker got
    /// it, in order; null when this target cannot see its packets.
    /// </summary>
    IReadOnlyList<MqttPacket>? PacketsSent();
}

/// <summary>A request the module sent the broker: its MQTT packet type (<c>PUBLISH</c>, <c>SUBSCRIBE</c>, <c>UNSUBSCRIBE</c>) and packet id.</summary>
public sealed record WireRequest(string Packet, int PacketId);
