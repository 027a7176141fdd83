using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary><c>+CSQ: &lt;rssi&gt;,&lt;ber&gt;</c>: signal strength and bit error rate (manual §4.1).</summary>
/// <param name="Rssi">0..31, or 99 when not known.</param>
/// <param name="Ber">Bit error rate class 0..7, or 99 when not known.</param>
public sealed record SignalQuality(int Rssi, int Ber) : InformationResponse
{
    /// <summary>The value of either field when the module cannot tell.</summary>
    public const int Unknown = 99;

    public bool HasSignal => Rssi != Unknown;

    /// <summary>Received power in dBm (3GPP TS 27.007: 0 is -113 dBm or less, 31 is -51 dBm or more), or null when unknown.</summary>
    public int? Dbm => HasSignal ? -113 + (2 * Rssi) : null;

    public override string Format(Dialect dialect) => ResponseText.Line("+CSQ", dialect, $"{Rssi},{Ber}");

    internal static SignalQuality Read(ResponseReader reader)
    {
        reader.Split("4.1", 2, 2);
        return new SignalQuality(KnownOr99(reader, 0, "rssi", 31), KnownOr99(reader, 1, "ber", 7));
    }

    private static int KnownOr99(ResponseReader reader, int index, string field, int max)
    {
        var value = reader.Int(index, field, 0, Unknown);
        if (value > max && value != Unknown)
            throw new ResponseFormatException($"{field} must be 0..{max} or 99, got {value}", reader.Position(index));
        return value;
    }
}
