using Conformance.Protocol.Display;
using Conformance.Protocol.Responses;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Session;

/// <summary>A URC as it arrived: its text, the typed value (null when it could not be parsed), when, and where in the trace.</summary>
public sealed record ReceivedUrc(string Text, ParseResult<Urc> Parsed, DateTimeOffset Time, int TraceLine)
{
    public Urc? Value => Parsed.Value;

    /// <summary>True for a restart banner (<c>REBOOT_CAUSE_…</c>, <c>RDY</c>): the session reports it as the restart.</summary>
    public bool IsRestart { get; init; }

    /// <summary><c>'+MQTTSUBACK: 1,1' (trace line 9)</c>; a publish also shows the message it was read with.</summary>
    public override string ToString() => Value is MqttPublish publish
        ? $"'{Text}' (trace line {TraceLine}) with message \"{Shown(publish)}\" ({publish.MessageLength} bytes)"
        : $"'{Text}' (trace line {TraceLine})";

    // The header alone does not show what a wrong msg_len took as the message: a line end, or the next line's start.
    private static string Shown(MqttPublish publish) =>
        PrintableText.Escape(publish.MessageText ?? Convert.ToHexString(publish.Message));
}
