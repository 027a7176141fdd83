namespace Conformance.Protocol.Commands;

/// <summary><c>AT+MQTTTO=timeout</c>: how long to wait for a server ACK before <c>+MQTTTO</c> (manual §1.9).</summary>
/// <param name="TimeoutSeconds">Seconds, 1..65535; default 10, should stay below keepAlive.</param>
public sealed record MqttTo(int TimeoutSeconds) : AtCommand
{
    public override string Name => "+MQTTTO";
    public override string Section => "1.9";

    public override string Format() => Set($"{TimeoutSeconds}");

    internal static MqttTo Parse(ArgumentList arguments)
    {
        arguments.ExpectCount(1, 1, "AT+MQTTTO=<timeout>");
        return new MqttTo(arguments.Number(0, "timeout", ArgumentRules.Timeout));
    }
}
