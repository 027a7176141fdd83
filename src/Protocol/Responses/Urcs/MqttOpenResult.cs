using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary><c>+MQTTOPEN: OK</c> when CONNACK arrives, <c>+MQTTOPEN: FAIL</c> when the connection failed (manual §1.2).</summary>
public sealed record MqttOpenResult(bool Ok) : Urc
{
    private protected override string Arguments(Dialect dialect) => Ok ? "OK" : "FAIL";

    internal static MqttOpenResult Read(ResponseReader reader)
    {
        reader.Split("1.2", 1, 1);
        return new MqttOpenResult(reader.Word(0, "result", "OK", "FAIL") == "OK");
    }
}
