namespace Conformance.Protocol.Commands;

/// <summary><c>AT+MQTTPING=rspEcho</c>: switch <c>+MQTTPINGRSP</c> reports (manual §1.10).</summary>
/// <param name="RspEcho">0 or 1 as sent; which value means "report" differs between manual and firmware (spec §3.10).</param>
public sealed record MqttPing(int RspEcho) : AtCommand
{
    public override string Name => "+MQTTPING";
    public override string Section => "1.10";

    public override string Format() => Set($"{RspEcho}");

    internal static MqttPing Parse(ArgumentList arguments)
    {
        arguments.ExpectCount(1, 1, "AT+MQTTPING=<rspEcho>");
        return new MqttPing(arguments.Number(0, "rspEcho", ArgumentRules.Bit));
    }
}
