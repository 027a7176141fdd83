using System.Buffers;
using System.Globalization;
using System.Text;
using Conformance.Protocol.Secrets;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Conformance.Harness.Dsl;

/// <summary>A packet the module sent, in one line for a failure message: its fields in MQTT's words, never its password.</summary>
internal static class WirePacketText
{
    public static string Of(MqttPacket packet) => packet switch
    {
        MqttConnectPacket c => $"CONNECT client id \"{c.ClientId}\", user name {Quoted(c.Username)}, password {(c.Password is null ? "none" : SecretPolicy.Mask)}, " +
                               $"clean session {Flag(c.CleanSession)}, keepAlive {c.KeepAlivePeriod}, " +
                               (c.WillFlag ? $"will \"{c.WillTopic}\" {Message(c.WillMessage)} QoS {Qos(c.WillQoS)} retain {Flag(c.WillRetain)}" : "no will"),
        MqttPublishPacket p => $"PUBLISH \"{p.Topic}\" QoS {Qos(p.QualityOfServiceLevel)} retain {Flag(p.Retain)} dup {Flag(p.Dup)}, {Message(p.Payload.ToArray())}",
        MqttSubscribePacket s => "SUBSCRIBE " + string.Join(", ", s.TopicFilters.Select(f => $"\"{f.Topic}\" QoS {Qos(f.QualityOfServiceLevel)}")),
        MqttUnsubscribePacket u => "UNSUBSCRIBE " + string.Join(", ", u.TopicFilters.Select(f => $"\"{f}\"")),
        MqttPubAckPacket a => $"PUBACK {a.PacketIdentifier}",
        MqttPubRecPacket r => $"PUBREC {r.PacketIdentifier}",
        MqttPubRelPacket r => $"PUBREL {r.PacketIdentifier}",
        MqttPubCompPacket c => $"PUBCOMP {c.PacketIdentifier}",
        MqttPingReqPacket => "PINGREQ",
        MqttDisconnectPacket => "DISCONNECT",
        _ => packet.ToString() ?? packet.GetType().Name,
    };

    /// <summary>MqttPublishPacket → PUBLISH, as MQTT names its packets; MqttPacket itself is any packet.</summary>
    public static string NameOf(Type type) => type == typeof(MqttPacket) ? "packet" : type.Name["Mqtt".Length..^"Packet".Length].ToUpperInvariant();

    private static string Quoted(string? text) => text is null ? "none" : $"\"{text}\"";

    private static string Flag(bool flag) => flag ? "1" : "0";

    private static string Qos(MqttQualityOfServiceLevel qos) => ((int)qos).ToString(CultureInfo.InvariantCulture);

    // Printable text as it is, anything else as hex: a $dp header is binary.
    private static string Message(byte[]? bytes)
    {
        if (bytes is null || bytes.Length == 0) return "an empty message";
        var text = Encoding.UTF8.GetString(bytes);
        return text.All(c => !char.IsControl(c) && c != '\uFFFD')
            ? $"message \"{text}\" ({bytes.Length} bytes)"
            : $"message {Convert.ToHexString(bytes)} ({bytes.Length} bytes)";
    }
}
