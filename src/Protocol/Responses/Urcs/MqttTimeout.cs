using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary><c>+MQTTTO: &lt;type&gt;</c>: an expected server ACK did not arrive within the <c>AT+MQTTTO</c> time (manual §1.9).</summary>
public sealed record MqttTimeout(MqttTimeoutType Type) : Urc
{
    private protected override string Arguments(Dialect dialect) => ((int)Type).ToString();

    internal static MqttTimeout Read(ResponseReader reader)
    {
        reader.Split("1.9", 1, 1);
        return new MqttTimeout((MqttTimeoutType)reader.Int(0, "type", 1, 6));
    }
}
