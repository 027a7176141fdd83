namespace Conformance.Protocol.Commands;

/// <summary><c>AT+CGMR</c>: read the firmware revision (3GPP TS 27.007; not in the manual, answered by every module).</summary>
public sealed record RevisionRead : AtCommand
{
    public override string Name => "+CGMR";
    public override string Section => "4.1";
    public override string Format() => Action();
}
