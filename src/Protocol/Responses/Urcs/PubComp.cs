namespace Conformance.Protocol.Responses;

/// <summary><c>+MQTTPUBCOMP: &lt;dup&gt;,&lt;packId&gt;</c>: the last step of an outgoing QoS 2 publish (manual §1.11).</summary>
public sealed record PubComp(int Dup, int PacketId) : QosTwoAck(Dup, PacketId)
{
    internal static PubComp Read(ResponseReader reader)
    {
        var (dup, packetId) = ReadFields(reader);
        return new PubComp(dup, packetId);
    }
}
