namespace Conformance.Emulator.Faults;

/// <summary>One whole MQTT packet as bytes on the wire (fixed header, variable header, payload).</summary>
public sealed record MqttFrame(FrameDirection Direction, byte[] Bytes)
{
    public MqttPacketType Type => (MqttPacketType)(Bytes[0] >> 4);

    /// <summary>The packet id, or null for packets without one (CONNECT, PINGREQ, a QoS 0 PUBLISH ...).</summary>
    public ushort? PacketId => Type switch
    {
        MqttPacketType.Publish => PublishPacketId(),
        MqttPacketType.PubAck or MqttPacketType.PubRec or MqttPacketType.PubRel or MqttPacketType.PubComp
            or MqttPacketType.Subscribe or MqttPacketType.SubAck or MqttPacketType.Unsubscribe or MqttPacketType.UnsubAck
            => ReadUInt16(BodyStart),
        _ => null,
    };

    /// <summary>Where the variable header starts: after the type byte and the remaining length.</summary>
    public int BodyStart
    {
        get
        {
            var i = 1;
            while ((Bytes[i] & 0x80) != 0) i++;
            return i + 1;
        }
    }

    private ushort? PublishPacketId()
    {
        var qos = (Bytes[0] >> 1) & 3;
        if (qos == 0) return null;
        var topicLength = ReadUInt16(BodyStart);
        return ReadUInt16(BodyStart + 2 + topicLength);
    }

    private ushort ReadUInt16(int at) => (ushort)((Bytes[at] << 8) | Bytes[at + 1]);

    public override string ToString() => PacketId is { } id ? $"{Direction} {Type} id {id}" : $"{Direction} {Type}";
}
