namespace Conformance.Protocol.Commands;

/// <summary><c>AT+CGATT?</c>: read the PS attach state (manual §4.1).</summary>
public sealed record AttachRead : AtCommand
{
    public override string Name => "+CGATT";
    public override string Section => "4.1";
    public override string Format() => Read();
}
