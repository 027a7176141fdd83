namespace Conformance.Protocol.Responses;

/// <summary><c>+MQTTPUBREC: &lt;dup&gt;,&lt;packId&gt;</c>: the server received an outgoing QoS 2 publish (manual §1.11).</summary>
public sealed record PubRec(int Dup, int PacketId) : QosTwoAck(Dup, PacketId)
{
    internal static PubRec Read(ResponseReader reader)
    {
        var (dup, packetId) = ReadFields(reader);
        return new PubRec(dup, packetId);
    }
}
