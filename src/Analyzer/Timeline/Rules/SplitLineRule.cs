using Conformance.Analyzer.Diagnostics;
using Conformance.Protocol.Codes;

namespace Conformance.Analyzer.Timeline.Rules;

/// <summary>
/// Lines the terminal split over two stamps and the reader joined (<c>Readers.SplitLines</c>): said once, so a joined
/// line is never silent. Owns <c>split-line</c>.
/// </summary>
internal sealed class SplitLineRule(DiagnosticLog diagnostics) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } = [DiagnosticCodes.SplitLine];

    private bool _seen;

    /// <summary>The record at <paramref name="at"/> is a line joined from two pieces.</summary>
    public void Rejoined(Stamp at)
    {
        if (_seen) return;
        _seen = true;
        diagnostics.Report(DiagnosticCodes.SplitLine, at.Line,
            "this line and the next were read as one: the terminal split one line over two stamps; every such line after it is read as one too");
    }
}
