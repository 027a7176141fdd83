using Conformance.Protocol.Codes;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary>A step of the QoS 2 handshake, written <c>&lt;dup&gt;,&lt;packId&gt;</c> (manual §1.11).</summary>
/// <param name="Dup">The DUP flag, 0 or 1.</param>
/// <param name="PacketId">The PUBLISH packet id the step belongs to.</param>
public abstract record QosTwoAck(int Dup, int PacketId) : Urc
{
    private protected override string Arguments(Dialect dialect) => $"{Dup},{PacketId}";

    /// <summary>
    /// Reads <c>&lt;dup&gt;,&lt;packId&gt;</c>. A first field above 1 cannot be a DUP flag: the manual's own §1.5
    /// example <c>+MQTTPUBREC:2,0</c> has the fields the other way round, so that is read as swapped.
    /// </summary>
    internal static (int Dup, int PacketId) ReadFields(ResponseReader reader)
    {
        reader.Split("1.11", 2, 2);
        var first = reader.Int(0, "dup", 0, 65535);
        var second = reader.Int(1, "packId", 0, 65535);
        if (first <= 1 && (second != 0 || first == 0)) return (first, second);
        if (second > 1)
            throw new ResponseFormatException($"dup must be 0 or 1, got {first}", reader.Position(0));
        reader.Deviate(CodeList.DupPackIdSwapped,
            $"fields read as <packId>,<dup> ({first},{second}); the manual writes <dup>,<packId>");
        return (second, first);
    }
}
