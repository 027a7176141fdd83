using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Conformance.Harness.Mutation;

/// <summary>
/// A firmware that puts another QoS in the PUBLISH than AT+MQTTPUB asked, yet runs the handshake of the QoS asked, so
/// every AT line is the manual's and only the wire shows it: a QoS 0 message sent at QoS 1 (with a packet id of its
/// own, the broker's PUBACK ignored), a QoS 2 message sent at QoS 1 (the broker's PUBACK read as the PUBREC it waits
/// for; the broker answers the PUBREL that follows with PUBCOMP).
/// </summary>
internal sealed class PublishQosRewrite
{
    private readonly MqttQualityOfServiceLevel _asked;
    private readonly HashSet<ushort> _changed = [];
    private readonly Lock _gate = new();   // the two directions are two proxy threads
    private ushort _ownId = ushort.MaxValue;   // counting down: ids the module's own pool, rising from 1, is far from in one run

    private PublishQosRewrite(MqttQualityOfServiceLevel asked) => _asked = asked;

    /// <summary>A fresh rewrite per run: each PUBLISH at <paramref name="asked"/> (0 or 2) goes out at QoS 1.</summary>
    public static Func<PacketRewrite> SentAsQos1(MqttQualityOfServiceLevel asked)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(asked, MqttQualityOfServiceLevel.AtLeastOnce);
        return () =>
        {
            var rewrite = new PublishQosRewrite(asked);
            return new PacketRewrite(rewrite.ToBroker, rewrite.ToModule);
        };
    }

    private MqttPacket ToBroker(MqttPacket packet)
    {
        if (packet is not MqttPublishPacket publish || publish.QualityOfServiceLevel != _asked) return packet;
        lock (_gate)
        {
            if (_asked == MqttQualityOfServiceLevel.AtMostOnce) publish.PacketIdentifier = _ownId--;
            publish.QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce;
            _changed.Add(publish.PacketIdentifier);
        }
        return publish;
    }

    private MqttPacket? ToModule(MqttPacket packet)
    {
        if (packet is not MqttPubAckPacket ack) return packet;
        lock (_gate)
            if (!_changed.Remove(ack.PacketIdentifier)) return packet;
        // A QoS 0 message waits for nothing; a QoS 2 one waits for PUBREC.
        return _asked == MqttQualityOfServiceLevel.AtMostOnce ? null : new MqttPubRecPacket { PacketIdentifier = ack.PacketIdentifier };
    }
}
