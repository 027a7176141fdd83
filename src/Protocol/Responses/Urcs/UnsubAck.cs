using Conformance.Protocol.Codes;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary><c>+MQTTUNSUBACK: &lt;packId&gt;</c>: the server answered an unsubscribe (manual §1.6, §1.11).</summary>
/// <param name="PacketId">The UNSUBSCRIBE packet id.</param>
/// <param name="Topic">The topic, which field firmware adds (<c>+MQTTUNSUBACK:5,pyr</c>) and the manual does not.</param>
public sealed record UnsubAck(int PacketId, string? Topic) : Urc
{
    private protected override string Arguments(Dialect dialect) =>
        Topic is null ? PacketId.ToString() : $"{PacketId},{ResponseText.Topic(Topic, dialect)}";

    internal static UnsubAck Read(ResponseReader reader)
    {
        reader.Split("1.11", 1, 2);
        var packetId = reader.Int(0, "packId", 0, 65535);
        if (!reader.Has(1)) return new UnsubAck(packetId, null);
        reader.Deviate(CodeList.TopicInUnsubAck, "carries a topic; the manual writes +MQTTUNSUBACK: <packId>");
        return new UnsubAck(packetId, reader.Text(1));
    }
}
