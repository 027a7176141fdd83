using MQTTnet.Adapter;
using MQTTnet.Formatter;
using MQTTnet.Packets;

namespace Conformance.Emulator.Faults;

/// <summary>A whole <see cref="MqttFrame"/> read as the MQTT 3.1.1 packet it carries, and a packet written back as a frame.</summary>
public static class MqttPacketCodec
{
    /// <summary>The packet in <paramref name="frame"/>.</summary>
    /// <exception cref="MQTTnet.Exceptions.MqttProtocolViolationException">The bytes are not a valid MQTT 3.1.1 packet.</exception>
    public static MqttPacket Decode(MqttFrame frame)
    {
        var body = frame.BodyStart;
        var bytes = frame.Bytes;
        return Formatter().Decode(new ReceivedMqttPacket(bytes[0], new ArraySegment<byte>(bytes, body, bytes.Length - body), bytes.Length));
    }

    /// <summary><paramref name="packet"/> as it goes on the wire, travelling <paramref name="direction"/>.</summary>
    public static MqttFrame Encode(MqttPacket packet, FrameDirection direction) => new(direction, Formatter().Encode(packet).ToArray());

    // A formatter keeps a buffer: one per call, so proxy threads never share one.
    private static MqttPacketFormatterAdapter Formatter() => new(MqttProtocolVersion.V311, new MqttBufferWriter(4096, 65535));
}
