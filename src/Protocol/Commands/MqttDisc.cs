namespace Conformance.Protocol.Commands;

/// <summary><c>AT+MQTTDISC</c>: send DISCONNECT; never followed by automatic reconnection (manual §1.7).</summary>
public sealed record MqttDisc : AtCommand
{
    public override string Name => "+MQTTDISC";
    public override string Section => "1.7";
    public override string Format() => Action();
}
