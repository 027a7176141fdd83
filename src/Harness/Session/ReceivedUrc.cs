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

    /// <summary>True when the line was no UTF-8 and <see cref="Text"/> is its GBK reading (a topic the firmware re-encoded).</summary>
    public bool NotUtf8 { get; init; }

    /// <summary><c>'+MQTTSUBACK: 1,1' (trace line 9)</c>; a publish also shows the message it was read with.</summary>
    public override string ToString()
    {
        // Read as GBK, the line can look the same as the UTF-8 text it failed to match.
        var line = NotUtf8 ? $"'{Text}' (trace line {TraceLine}, not UTF-8: read as GBK)" : $"'{Text}' (trace line {TraceLine})";
        return Value is MqttPublish publish ? $"{line} with message \"{Shown(publish)}\" ({publish.MessageLength} bytes)" : line;
    }

    // The header alone does not show what a wrong msg_len took as the message: a line end, or the next line's start.
    private static string Shown(MqttPublish publish) =>
        PrintableText.Escape(publish.MessageText ?? Convert.ToHexString(publish.Message));
}
