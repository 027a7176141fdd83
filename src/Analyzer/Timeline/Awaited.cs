namespace Conformance.Analyzer.Timeline;

/// <summary>A URC the session still waits for, and what is waiting for it.</summary>
/// <param name="Line">Log line of the command or URC that started the wait.</param>
/// <param name="Urc">The URC awaited, e.g. <c>+MQTTSUBACK</c>.</param>
/// <param name="Subject">What started the wait as shown: <c>AT+MQTTSUB="dev/gsm/u",2</c>, or the URC of a handshake step.</param>
/// <param name="IsHandshake">True for the later steps of a QoS 2 handshake, keyed by packet id.</param>
internal sealed record Awaited(long Line, string Urc, string Subject, bool IsHandshake = false)
{
    /// <summary>The packet id of a handshake step.</summary>
    public int PacketId { get; init; }

    /// <summary>For a step of a handshake the module's own publish began, the wait it answered; null for an incoming publish's.</summary>
    public Awaited? Of { get; init; }

    /// <summary>What started the wait, for messages; built only when a message needs it (most waits are met).</summary>
    public string After => !IsHandshake ? Subject
        : Of is { } of ? $"{Subject} (packet {PacketId} of {of.After})"
        : $"the incoming QoS 2 {Subject} (packet {PacketId})";

    /// <summary>" for AT+MQTTSUB=… (line 12)", or nothing when no wait was satisfied: the tail of a message about a URC.</summary>
    public static string For(Awaited? awaited) => awaited is null ? "" : $" for {awaited.After} (line {awaited.Line})";
}
