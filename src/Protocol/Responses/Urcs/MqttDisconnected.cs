using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary><c>+MQTTDISC: OK</c>: the connection is closed, on request or after reconnection gave up (manual §1.7).</summary>
public sealed record MqttDisconnected : Urc
{
    private protected override string Arguments(Dialect dialect) => "OK";

    internal static MqttDisconnected Read(ResponseReader reader)
    {
        reader.Split("1.7", 1, 1);
        reader.Word(0, "result", "OK");
        return new MqttDisconnected();
    }
}
