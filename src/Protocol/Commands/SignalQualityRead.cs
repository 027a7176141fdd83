namespace Conformance.Protocol.Commands;

/// <summary><c>AT+CSQ</c>: read the signal quality (manual §4.1).</summary>
public sealed record SignalQualityRead : AtCommand
{
    public override string Name => "+CSQ";
    public override string Section => "4.1";
    public override string Format() => Action();
}
