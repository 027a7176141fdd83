using Conformance.Protocol.Codes;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary><c>+MQTTPUBACK: &lt;packId&gt;,&lt;flag&gt;</c>: the server acknowledged a QoS 1 publish (manual §1.11).</summary>
/// <param name="PacketId">The PUBLISH packet id.</param>
/// <param name="Flag">
/// The manual calls the second field the QoS (always 1 for a PUBACK); the v1.3 guide calls it the DUP flag,
/// so field firmware sends 0. Any value other than 1 is reported as a deviation.
/// </param>
public sealed record PubAck(int PacketId, int Flag) : Urc
{
    private protected override string Arguments(Dialect dialect) => $"{PacketId},{Flag}";

    // Field modules send the v1.3 form on every ack: the message is written once per possible value, not per line.
    private static readonly string[] SecondFieldMessages = [.. Enumerable.Range(0, 3).Select(flag =>
        $"second field is {flag}; the manual puts the QoS there (1 for a PUBACK), the v1.3 guide the DUP flag")];

    internal static PubAck Read(ResponseReader reader)
    {
        reader.Split("1.11", 2, 2);
        var ack = new PubAck(reader.Int(0, "packId", 0, 65535), reader.Int(1, "qos", 0, 2));
        if (ack.Flag != 1)
            reader.Deviate(CodeList.PubAckSecondField, SecondFieldMessages[ack.Flag]);
        return ack;
    }
}
