using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary><c>+MQTTREC: &lt;n&gt;</c>: the module starts its n-th automatic reconnection attempt, counted from 0 (manual §3.3.5).</summary>
public sealed record MqttReconnect(int Attempt) : Urc
{
    private protected override string Arguments(Dialect dialect) => Attempt.ToString();

    internal static MqttReconnect Read(ResponseReader reader)
    {
        reader.Split("3.3.5", 1, 1);
        return new MqttReconnect(reader.Int(0, "attempt", 0, int.MaxValue));
    }
}
