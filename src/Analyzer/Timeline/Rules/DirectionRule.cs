using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Readers;
using Conformance.Protocol.Codes;

namespace Conformance.Analyzer.Timeline.Rules;

/// <summary>
/// Records the log does not mark as sent or received: read as module output, noted once. Owns
/// <c>unknown-direction</c>.
/// </summary>
internal sealed class DirectionRule(DiagnosticLog diagnostics) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } = [DiagnosticCodes.UnknownDirection];

    private static readonly System.Buffers.SearchValues<byte> Blank = System.Buffers.SearchValues.Create(" \t\r\n"u8);

    private bool _seen;

    public void Read(in RecordView record)
    {
        // A blank line went nowhere: which way it went does not matter (SSCOM writes one after each send).
        if (record.Direction != LogDirection.Unknown || _seen || record.Data.IndexOfAnyExcept(Blank) < 0) return;
        _seen = true;
        diagnostics.Report(DiagnosticCodes.UnknownDirection, record.Line, "the log does not say which way this record went; read as module output");
    }
}
