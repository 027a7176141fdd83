namespace Conformance.Protocol.Commands;

/// <summary><c>AT+MQTTDEL</c>: delete the client instance so a new AT+MQTTCFG is allowed (manual §1.8).</summary>
public sealed record MqttDel : AtCommand
{
    public override string Name => "+MQTTDEL";
    public override string Section => "1.8";
    public override string Format() => Action();
}
