namespace Conformance.Protocol.Commands;

/// <summary><c>AT+MQTTSTAT?</c>: read the connection state (manual §1.3).</summary>
public sealed record MqttStatRead : AtCommand
{
    public override string Name => "+MQTTSTAT";
    public override string Section => "1.3";
    public override string Format() => Read();
}
