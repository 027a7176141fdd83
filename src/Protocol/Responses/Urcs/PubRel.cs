namespace Conformance.Protocol.Responses;

/// <summary><c>+MQTTPUBREL: &lt;dup&gt;,&lt;packId&gt;</c>: the server releases an incoming QoS 2 publish (manual §1.11).</summary>
public sealed record PubRel(int Dup, int PacketId) : QosTwoAck(Dup, PacketId)
{
    internal static PubRel Read(ResponseReader reader)
    {
        var (dup, packetId) = ReadFields(reader);
        return new PubRel(dup, packetId);
    }
}
