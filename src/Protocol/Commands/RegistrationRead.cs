namespace Conformance.Protocol.Commands;

/// <summary><c>AT+CEREG?</c>: read the EPS registration state (manual §4.1).</summary>
public sealed record RegistrationRead : AtCommand
{
    public override string Name => "+CEREG";
    public override string Section => "4.1";
    public override string Format() => Read();
}
