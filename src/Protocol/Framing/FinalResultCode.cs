namespace Conformance.Protocol.Framing;

/// <summary>Which final result code a <see cref="FrameKind.Final"/> frame carries.</summary>
public enum FinalResultCode
{
    /// <summary>Not a final result.</summary>
    None,
    /// <summary><c>OK</c>.</summary>
    Ok,
    /// <summary>Plain <c>ERROR</c>.</summary>
    Error,
    /// <summary><c>+CME ERROR: n</c> (numeric, or verbose text when the module is set so).</summary>
    CmeError,
}
