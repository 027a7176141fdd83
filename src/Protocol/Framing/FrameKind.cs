namespace Conformance.Protocol.Framing;

/// <summary>What a frame of module output is, as the tokenizer classifies it.</summary>
public enum FrameKind
{
    /// <summary>An information response: belongs to the command that is pending.</summary>
    Info,
    /// <summary>A final result code: <c>OK</c>, <c>ERROR</c>, <c>+CME ERROR: n</c>. Ends the pending command.</summary>
    Final,
    /// <summary>An unsolicited result code, e.g. <c>+MQTTSUBACK: 5,2</c>.</summary>
    Urc,
    /// <summary>The module repeating the command line just sent (echo on, <c>ATE1</c>).</summary>
    Echo,
    /// <summary>A data prompt <c>&gt;</c>, which is not followed by a line end.</summary>
    Prompt,
    /// <summary>Bytes that form no line: NUL, 0xFF and other control bytes, e.g. at power-up.</summary>
    Noise,
    /// <summary>A line longer than the configured limit; its bytes were dropped, its length is reported.</summary>
    Overflow,
}
