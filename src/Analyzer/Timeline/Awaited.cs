namespace Conformance.Analyzer.Timeline;

/// <summary>A URC the session still waits for, and what is waiting for it.</summary>
/// <param name="Line">Log line of the command or URC that started the wait.</param>
/// <param name="Urc">The URC awaited, e.g. <c>+MQTTSUBACK</c>.</param>
/// <param name="After">What started the wait, for messages: <c>AT+MQTTSUB="dev/gsm/u",2</c>.</param>
/// <param name="IsHandshake">True for the later steps of a QoS 2 handshake, keyed by packet id.</param>
internal sealed record Awaited(long Line, string Urc, string After, bool IsHandshake = false)
{
    /// <summary>" for AT+MQTTSUB=… (line 12)", or nothing when no wait was satisfied: the tail of a message about a URC.</summary>
    public static string For(Awaited? awaited) => awaited is null ? "" : $" for {awaited.After} (line {awaited.Line})";
}
