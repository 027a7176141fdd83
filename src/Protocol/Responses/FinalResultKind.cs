namespace Conformance.Protocol.Responses;

/// <summary>Which final result code ended a command.</summary>
public enum FinalResultKind : byte
{
    /// <summary><c>OK</c>. For MQTT commands not yet success: the outcome follows as a URC.</summary>
    Ok,
    /// <summary><c>ERROR</c>, without a code.</summary>
    Error,
    /// <summary><c>+CME ERROR: &lt;n&gt;</c> or its verbose text form.</summary>
    CmeError,
}
