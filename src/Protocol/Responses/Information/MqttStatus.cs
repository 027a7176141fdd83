using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary><c>+MQTTSTAT: &lt;stat&gt;</c>: the MQTT connection state (manual §1.3).</summary>
public sealed record MqttStatus(MqttState State) : InformationResponse
{
    public override string Format(Dialect dialect) => ResponseText.Line("+MQTTSTAT", dialect, ((int)State).ToString());

    internal static MqttStatus Read(ResponseReader reader)
    {
        reader.Split("1.3", 1, 1);
        return new MqttStatus((MqttState)reader.Int(0, "stat", 0, 5));
    }
}
