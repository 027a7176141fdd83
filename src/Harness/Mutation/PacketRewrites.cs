using Conformance.Emulator.Faults;
using MQTTnet.Packets;

namespace Conformance.Harness.Mutation;

/// <summary>
/// The packet rewrites of MQTT-side mutants: the module's AT lines stay right while the broker gets a packet that
/// is not what the AT command asked (spec §3, §6), as a firmware that builds its packets wrong would send it, or no
/// packet comes where MQTT requires one. Each is a fresh <see cref="PacketRewrite"/> per run.
/// </summary>
public static class PacketRewrites
{
    /// <summary>Each <typeparamref name="T"/> that <paramref name="pick"/> takes (every one without it) changed by <paramref name="change"/>; other packets as they are.</summary>
    public static Func<PacketRewrite> Change<T>(Action<T> change, Func<T, bool>? pick = null) where T : MqttPacket =>
        ToBroker(packet =>
        {
            if (packet is not T picked || pick?.Invoke(picked) == false) return packet;
            change(picked);
            return picked;
        });

    /// <summary>
    /// No <typeparamref name="T"/> reaches the broker: the firmware never sends it (a DISCONNECT, the PUBACK of a
    /// message it received) while its AT lines say all went well.
    /// </summary>
    public static Func<PacketRewrite> Drop<T>() where T : MqttPacket => ToBroker(packet => packet is T ? null : packet);

    // Without state, one rewrite serves every run.
    private static Func<PacketRewrite> ToBroker(Func<MqttPacket, MqttPacket?> rewrite)
    {
        var only = new PacketRewrite(rewrite);
        return () => only;
    }

    /// <summary>
    /// The frame as <paramref name="rewrite"/> leaves it: decoded, rewritten, encoded again only when it picked it;
    /// null when it is not sent at all.
    /// </summary>
    public static MqttFrame? Apply(Func<MqttPacket, MqttPacket?> rewrite, MqttFrame frame)
    {
        var packet = MqttPacketCodec.Decode(frame);
        if (rewrite(packet) is not { } rewritten) return null;
        var before = frame.Bytes;
        var after = MqttPacketCodec.Encode(rewritten, frame.Direction);
        return after.Bytes.AsSpan().SequenceEqual(before) ? frame : after;
    }
}
