using Conformance.Protocol.Catalog;
using System.Runtime.CompilerServices;
using System.Text;
using Conformance.Protocol.Responses;

namespace Conformance.Harness.Dsl;

/// <summary>The URCs of the MQTT handshakes as patterns, with packet ids captured and matched across them.</summary>
public static class UrcPatterns
{
    public static UrcPattern Urc<T>(Func<T, bool>? condition = null, [CallerArgumentExpression(nameof(condition))] string? conditionText = null)
        where T : Urc => UrcPattern.Of(condition, conditionText);

    /// <summary><c>+MQTTPUBACK</c> of an outgoing QoS 1 publish; its packet id goes to <paramref name="id"/>.</summary>
    public static UrcPattern PubAck(out CapturedPacketId id) => Capturing<PubAck>(a => a.PacketId, out id);

    /// <summary><c>+MQTTPUBREC</c> of an outgoing QoS 2 publish; its packet id goes to <paramref name="id"/>.</summary>
    public static UrcPattern PubRec(out CapturedPacketId id) => Capturing<PubRec>(a => a.PacketId, out id);

    /// <summary><c>+MQTTSUBACK</c> meeting <paramref name="condition"/>; its packet id goes to <paramref name="id"/>.</summary>
    public static UrcPattern SubAck(out CapturedPacketId id, Func<SubAck, bool>? condition = null,
        [CallerArgumentExpression(nameof(condition))] string? conditionText = null) => Capturing(a => a.PacketId, out id, condition, conditionText);

    /// <summary><c>+MQTTUNSUBACK</c> meeting <paramref name="condition"/>; its packet id goes to <paramref name="id"/>.</summary>
    public static UrcPattern UnsubAck(out CapturedPacketId id, Func<UnsubAck, bool>? condition = null,
        [CallerArgumentExpression(nameof(condition))] string? conditionText = null) => Capturing(a => a.PacketId, out id, condition, conditionText);

    /// <summary><c>+MQTTPUBCOMP</c> with the packet id captured earlier.</summary>
    public static UrcPattern PubComp(CapturedPacketId id) => Matching<PubComp>(a => a.PacketId, id);

    /// <summary><c>+MQTTPUBREL</c> with the packet id captured earlier.</summary>
    public static UrcPattern PubRel(CapturedPacketId id) => Matching<PubRel>(a => a.PacketId, id);

    /// <summary><c>+MQTTPUBLISH</c> of <paramref name="message"/> on <paramref name="topic"/>; its packet id goes to <paramref name="id"/>.</summary>
    public static UrcPattern Publish(string topic, string message, out CapturedPacketId id)
    {
        var captured = id = new CapturedPacketId("+MQTTPUBLISH");
        var bytes = Encoding.UTF8.GetBytes(message);
        return UrcPattern.Of<MqttPublish>(
            p => p.Topic == topic && p.Message.AsSpan().SequenceEqual(bytes),
            () => $"topic \"{topic}\" and message \"{message}\" ({bytes.Length} bytes)",
            p => captured.Value = p.PacketId, captures: captured);
    }

    private static UrcPattern Capturing<T>(Func<T, int> packetId, out CapturedPacketId id, Func<T, bool>? condition = null, string? conditionText = null)
        where T : Urc
    {
        var captured = id = new CapturedPacketId(ProtocolCatalog.Urc<T>().Name);
        return UrcPattern.Of(condition, () => conditionText ?? "", u => captured.Value = packetId(u), captures: captured);
    }

    // Before the id is captured, any URC of the kind may be the one: arriving then, it is ahead of its turn.
    private static UrcPattern Matching<T>(Func<T, int> packetId, CapturedPacketId id) where T : Urc =>
        UrcPattern.Of<T>(u => packetId(u) == id.Value, () => $"packet id {id}", mayMatch: u => id.Value is null || packetId(u) == id.Value);
}
