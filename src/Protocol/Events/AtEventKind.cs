namespace Conformance.Protocol.Events;

/// <summary>What a piece of module output is, once read against the pending command (docs/interpretation.md).</summary>
public enum AtEventKind : byte
{
    /// <summary>The module repeating the pending command line (echo on, <c>ATE1</c>), or a command seen only in its echo.</summary>
    Echo,
    /// <summary>A line that answers the pending command before its final result.</summary>
    Information,
    /// <summary><c>OK</c>, <c>ERROR</c>, <c>+CME ERROR: n</c>: ends the pending command.</summary>
    Final,
    /// <summary>An unsolicited result code: an MQTT URC, another <c>+NAME:</c> line, or a boot banner such as <c>RDY</c>.</summary>
    Urc,
    /// <summary><c>&gt;</c>, <c>DOWNLOAD</c> or <c>CONNECT</c>: the host now sends raw data until the final result.</summary>
    Prompt,
    /// <summary>Free text in no AT syntax: an application's prints, annotations, separators. Never a URC.</summary>
    Text,
    /// <summary>Bytes that form no line (NUL, 0xFF, other control bytes), e.g. at power-up.</summary>
    Noise,
    /// <summary>A line longer than the frame limit; its bytes were dropped.</summary>
    Overflow,
}
