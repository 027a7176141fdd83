using Conformance.Protocol.Codes;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary><c>+MQTTPINGRSP: OK</c>: a PINGRESP arrived and ping reports are on (manual §1.10).</summary>
/// <remarks>Field firmware spells it <c>+MQTTPINGRESP:OK</c> (spec §7); both parse to this record.</remarks>
public sealed record PingResp : Urc
{
    /// <summary>The spelling of shipping firmware and of the manual's own §3.3.5 log.</summary>
    internal const string FieldName = "+MQTTPINGRESP";

    public override byte[] Encode(Dialect dialect) =>
        ResponseText.Bytes(ResponseText.Line(dialect == Dialect.Manual ? Name : FieldName, dialect, "OK"));

    private protected override string Arguments(Dialect dialect) => "OK";

    internal static PingResp Read(ResponseReader reader)
    {
        reader.Split("1.10", 1, 1);
        if (reader.Name == FieldName)
            reader.Deviate(CodeList.PingRespSpelling, "spelled +MQTTPINGRESP; the manual's §1.10 and §1.11 write +MQTTPINGRSP");
        reader.Word(0, "result", "OK");
        return new PingResp();
    }
}
