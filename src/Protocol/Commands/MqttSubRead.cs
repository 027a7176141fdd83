namespace Conformance.Protocol.Commands;

/// <summary><c>AT+MQTTSUB?</c>: list the subscribed topics (manual §1.4).</summary>
public sealed record MqttSubRead : AtCommand
{
    public override string Name => "+MQTTSUB";
    public override string Section => "1.4";
    public override string Format() => Read();
}
