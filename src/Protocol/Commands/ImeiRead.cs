namespace Conformance.Protocol.Commands;

/// <summary><c>AT+CGSN=1</c>: read the IMEI, the device's OneNET auth info (spec §2).</summary>
public sealed record ImeiRead : AtCommand
{
    public override string Name => "+CGSN";
    public override string Section => "4.1";
    public override string Format() => Set("1");

    internal static ImeiRead Parse(ArgumentList arguments)
    {
        arguments.ExpectCount(1, 1, "AT+CGSN=<snt>");
        // Other <snt> values (serial number, IMEISV) exist in 3GPP but not in this catalog.
        arguments.Number(0, "snt", value => value == 1 ? null : new Broken($"must be 1, the IMEI (got {value})"));
        return new ImeiRead();
    }
}
