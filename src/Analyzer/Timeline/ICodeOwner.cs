using Conformance.Protocol.Codes;

namespace Conformance.Analyzer.Timeline;

/// <summary>
/// A part of the timeline that raises diagnostics, and the codes it owns (a dissector's expert info): every code of
/// <c>DiagnosticCodes</c> has exactly one owner, checked by a test. Static, so reading it costs nothing per event.
/// </summary>
internal interface ICodeOwner
{
    /// <summary>The diagnostic codes only this part reports.</summary>
    static abstract IReadOnlyList<CodeEntry> Codes { get; }
}
