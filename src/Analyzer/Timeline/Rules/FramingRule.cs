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
        switch (atEvent.Kind)
        {
            case AtEventKind.Overflow:
                // A line the reader cut (LineSplitter.MaxLine, less a stamp before the data) was longer than what reached the tokenizer.
                var size = atEvent.Length >= LineSplitter.MaxLine - 4096 ? $"{atEvent.Length} bytes or more" : $"{atEvent.Length} bytes";
                diagnostics.Report(DiagnosticCodes.LineTooLong, at.Line,
                    $"a line of {size} starting '{secrets.Mask(atEvent.Text)}' is longer than the frame limit; skipped");
                break;
            case AtEventKind.Noise when !_noiseSeen:
                _noiseSeen = true;
                diagnostics.Report(DiagnosticCodes.Noise, at.Line, $"{atEvent.Length} byte(s) that form no line (first 0x{atEvent.Raw[0]:X2}); reported once");
                break;
        }
        if (atEvent.IsTruncated)
            diagnostics.Report(DiagnosticCodes.Truncated, at.Line, $"the log ends inside '{secrets.Mask(atEvent.Text)}'");
    }
}
