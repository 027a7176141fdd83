namespace Conformance.Emulator.Mqtt;

/// <summary>
/// How a connect attempt ended: a CONNACK arrived (<see cref="Reachable"/>, with its return code), or the broker
/// could not be reached at all (socket error, connection closed before CONNACK).
/// </summary>
/// <param name="Reachable">True when a CONNACK arrived.</param>
/// <param name="ReturnCode">The CONNACK return code; meaningless when the broker was unreachable.</param>
/// <param name="SessionPresent">The CONNACK session-present flag.</param>
/// <param name="Error">Why the broker was unreachable; null when a CONNACK arrived.</param>
public sealed record MqttConnectResult(bool Reachable, ConnectReturnCode ReturnCode, bool SessionPresent, string? Error)
{
    public bool Accepted => Reachable && ReturnCode == ConnectReturnCode.Accepted;

    public static MqttConnectResult Unreachable(string error) => new(false, ConnectReturnCode.ServerUnavailable, false, error);

    public override string ToString() =>
        Reachable ? $"CONNACK {(byte)ReturnCode} ({ReturnCode})" : $"unreachable: {Error}";
}
