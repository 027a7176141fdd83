using Conformance.Protocol.Codes;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary>
/// The IMEI, answered to <c>AT+CGSN=1</c> as <c>+CGSN: &lt;imei&gt;</c> or to <c>AT+CGSN</c> as bare digits; the
/// manual (§3.2.2) recommends it as the device's OneNET auth info.
/// </summary>
public sealed record Imei(string Value) : InformationResponse
{
    /// <summary>An IMEI has 15 digits (3GPP TS 23.003).</summary>
    public const int Length = 15;

    public override string Format(Dialect dialect) => ResponseText.Line("+CGSN", dialect, Value);

    /// <summary>Non-digits are an error; a digit count other than 15 is a deviation, the digits are kept.</summary>
    internal static Imei Read(ResponseReader reader)
    {
        reader.Split("3.2.2", 1, 1);
        var value = reader.Text(0);
        var wrong = value.AsSpan().IndexOfAnyExceptInRange('0', '9');
        if (value.Length == 0 || wrong >= 0)
            throw new ResponseFormatException($"IMEI must be digits only, got '{value}'", reader.Position(0) + Math.Max(wrong, 0));
        if (value.Length != Length)
            reader.Deviate(CodeList.ImeiNot15Digits, $"IMEI has {value.Length} digits; an IMEI has {Length}");
        return new Imei(value);
    }
}
