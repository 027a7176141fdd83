using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Readers;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Events;
using Conformance.Protocol.Secrets;

namespace Conformance.Analyzer.Timeline.Rules;

/// <summary>
/// Module output that forms no whole line: a line longer than the frame limit, bytes between lines (reported once),
/// a line the log ends inside. Owns <c>line-too-long</c>, <c>noise</c> and <c>truncated-input</c>.
/// </summary>
internal sealed class FramingRule(DiagnosticLog diagnostics, SecretMasker secrets) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } = [DiagnosticCodes.LineTooLong, DiagnosticCodes.Noise, DiagnosticCodes.Truncated];

    private bool _noiseSeen;

    public void Read(AtEvent atEvent, Stamp at)
    {
        // Read for every event, and almost every event is none of these: the reports are out of line.
        if (atEvent.Kind == AtEventKind.Overflow) TooLong(atEvent, at);
        else if (atEvent.Kind == AtEventKind.Noise && !_noiseSeen) Noise(atEvent, at);
        if (atEvent.IsTruncated) diagnostics.Report(DiagnosticCodes.Truncated, at.Line, $"the log ends inside '{secrets.Mask(atEvent.Text)}'");
    }

    private void TooLong(AtEvent atEvent, Stamp at)
    {
        // A line the reader cut (LineSplitter.MaxLine, less a stamp before the data) was longer than what reached the tokenizer.
        var size = atEvent.Length >= LineSplitter.MaxLine - 4096 ? $"{atEvent.Length} bytes or more" : $"{atEvent.Length} bytes";
        diagnostics.Report(DiagnosticCodes.LineTooLong, at.Line, $"a line of {size} starting '{secrets.Mask(atEvent.Text)}' is longer than the frame limit; skipped");
    }

    private void Noise(AtEvent atEvent, Stamp at)
    {
        _noiseSeen = true;
        diagnostics.Report(DiagnosticCodes.Noise, at.Line, $"{atEvent.Length} byte(s) that form no line (first 0x{atEvent.Raw[0]:X2}); reported once");
    }
}
