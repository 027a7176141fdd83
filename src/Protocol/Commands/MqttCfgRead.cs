namespace Conformance.Protocol.Commands;

/// <summary><c>AT+MQTTCFG?</c>: read the client configuration; the module masks the password (manual §1.1).</summary>
public sealed record MqttCfgRead : AtCommand
{
    public override string Name => "+MQTTCFG";
    public override string Section => "1.1";
    public override string Format() => Read();
}
