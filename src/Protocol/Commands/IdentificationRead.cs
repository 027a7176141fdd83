namespace Conformance.Protocol.Commands;

/// <summary><c>ATI</c>: read the product identification, maker and model (ITU-T V.250; not in the manual).</summary>
public sealed record IdentificationRead : AtCommand
{
    public override string Name => "I";
    public override string Section => "4.1";
    public override string Format() => Action();
}
