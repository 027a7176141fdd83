using Conformance.Protocol.Codes;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary><c>+MQTTSUBACK: &lt;packId&gt;,&lt;code&gt;,&lt;topic&gt;</c>: the server answered a subscribe (manual §1.11).</summary>
/// <param name="PacketId">The SUBSCRIBE packet id.</param>
/// <param name="Code">The granted maximum QoS 0..2, or 128 (0x80) for failure.</param>
/// <param name="Topic">The subscribed topic; §1.4's example leaves it out.</param>
public sealed record SubAck(int PacketId, int Code, string? Topic) : Urc
{
    /// <summary>The code the server sends when it refuses the subscription.</summary>
    public const int Failure = 0x80;

    public bool Granted => Code != Failure;

    private protected override string Arguments(Dialect dialect) =>
        Topic is null ? $"{PacketId},{Code}" : $"{PacketId},{Code},{ResponseText.Topic(Topic, dialect)}";

    internal static SubAck Read(ResponseReader reader)
    {
        reader.Split("1.11", 2, 3);
        var packetId = reader.Int(0, "packId", 0, 65535);
        var code = reader.Int(1, "code", 0, Failure);
        if (code is > 2 and < Failure)
            throw new ResponseFormatException($"code must be 0, 1, 2 or 128, got {code}", reader.Position(1));
        if (!reader.Has(2))
            reader.Deviate(CodeList.SubAckWithoutTopic, "no topic; §1.11 writes +MQTTSUBACK: <packId>,<code>,<topic> (§1.4's example omits it)");
        return new SubAck(packetId, code, reader.Has(2) ? reader.Topic(2) : null);
    }
}
