namespace Conformance.Analyzer.Timeline;

/// <summary>One unsolicited result code, attached to the command or flow it belongs to.</summary>
/// <param name="Line">Log line of the URC.</param>
/// <param name="Name">The name as received, e.g. <c>+MQTTSUBACK</c>; lines without a name are <c>(other)</c>.</param>
/// <param name="Text">The line as received (for <c>+MQTTPUBLISH</c>, the header up to msg_len).</param>
/// <param name="CommandLine">Log line of the command or URC it answers (AT+MQTTOPEN for +MQTTOPEN, +MQTTPUBREC for +MQTTPUBCOMP); null when it answers nothing.</param>
/// <param name="PacketId">The MQTT packet id it carries, if any.</param>
public sealed record UrcEvent(long Line, DateTimeOffset? Time, string Name, string Text, long? CommandLine, int? PacketId);
