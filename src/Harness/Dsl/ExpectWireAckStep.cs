using Conformance.Harness.Links;
using MQTTnet.Packets;

namespace Conformance.Harness.Dsl;

/// <summary>
/// The module completed MQTT's handshake for a message the broker delivered (the packet id a <c>+MQTTPUBLISH</c>
/// reported): PUBACK for QoS 1, PUBREC and then PUBCOMP for QoS 2, sent in this scenario. A firmware that reports the
/// message but never acknowledges it looks right on every AT line; the broker sends it again, or holds its session.
/// </summary>
public sealed class ExpectWireAckStep(CapturedPacketId id, int qos, TimeSpan within) : Step
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    private string Handshake => qos == 2 ? "PUBREC and PUBCOMP" : "PUBACK";

    public override string Description => $"expect the module to acknowledge the broker's PUBLISH {id} with {Handshake} on the wire";

    internal override async Task RunAsync(ScenarioContext context, CancellationToken cancel)
    {
        if (context.Link is not IPlatformView platform || platform.PacketsSent() is null)
        {
            context.Session.Trace.Event($"wire check skipped: {context.Link.Target} does not show its packets");
            return;
        }
        if (id.Value is not { } packetId) throw new StepFailedException($"no packet id was taken from {id.Source}");
        var time = context.Session.Time;
        var start = time.GetTimestamp();
        while (true)
        {
            var sent = platform.PacketsSent()!.Skip(context.WireStart).ToList();
            var missing = Missing(sent, (ushort)packetId);
            if (missing is null) return;
            if (time.GetElapsedTime(start) >= within)
                throw new StepFailedException($"{id.Source} reported the broker's message {packetId} at QoS {qos}, but the module never sent its {missing} "
                    + $"({Acknowledgements(sent)} in this scenario)");
            await Task.Delay(Poll, time, cancel);
        }
    }

    // The first packet of the handshake not on the wire, in MQTT's order; null when all are.
    private string? Missing(List<MqttPacket> sent, ushort packetId)
    {
        if (qos == 1) return sent.OfType<MqttPubAckPacket>().Any(a => a.PacketIdentifier == packetId) ? null : $"PUBACK {packetId}";
        var rec = sent.FindIndex(p => p is MqttPubRecPacket r && r.PacketIdentifier == packetId);
        if (rec < 0) return $"PUBREC {packetId}";
        return sent.Skip(rec + 1).OfType<MqttPubCompPacket>().Any(c => c.PacketIdentifier == packetId) ? null : $"PUBCOMP {packetId}";
    }

    private static string Acknowledgements(List<MqttPacket> sent) =>
        sent.Where(p => p is MqttPubAckPacket or MqttPubRecPacket or MqttPubRelPacket or MqttPubCompPacket).Select(WirePacketText.Of).ToList() is { Count: > 0 } acks
            ? $"it sent {string.Join(", ", acks)}"
            : "it sent no acknowledgement";
}
