namespace Conformance.Protocol.Commands;

/// <summary><c>ATE0</c> / <c>ATE1</c>: whether the module repeats each command line before its response.</summary>
/// <param name="On">True for ATE1 (echo on).</param>
public sealed record EchoMode(bool On) : AtCommand
{
    public override string Name => "E";
    public override string Section => "4.1";
    public override string Format() => Action() + Bit(On);
}
