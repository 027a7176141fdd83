using Conformance.Analyzer.Diagnostics;
using Conformance.Protocol.Codes;

namespace Conformance.Analyzer.Timeline.Rules;

/// <summary>
/// A log whose time goes back: the PC's clock set back (NTP), or rotated files joined in the wrong order. A latency
/// across the jump would be negative or too short, so none is measured there (<see cref="Stamp.MillisecondsSince"/>).
/// Owns <c>time-went-back</c>.
/// </summary>
internal sealed class ClockRule(DiagnosticLog diagnostics) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } = [DiagnosticCodes.TimeWentBack];

    private Stamp? _last;

    public void Read(Stamp at)
    {
        if (at.Clock is not { } clock) return;
        if (_last is { Clock: { } before } last && clock < before)
            diagnostics.Report(DiagnosticCodes.TimeWentBack, at.Line,
                $"the time goes back {(before - clock).TotalMilliseconds:0.###} ms here (line {last.Line} is later): latencies across it are not measured");
        _last = at;
    }
}
