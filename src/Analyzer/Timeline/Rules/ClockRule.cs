using Conformance.Analyzer.Diagnostics;
using Conformance.Protocol.Codes;

namespace Conformance.Analyzer.Timeline.Rules;

/// <summary>
/// A log whose time goes back: the PC's clock set back (NTP), or rotated files joined in the wrong order. A latency
/// across the jump would be negative or too short, so none is measured there (<see cref="Stamp.MillisecondsSince"/>).
/// Also a stamp that is no time at all. Owns <c>time-went-back</c> and <c>stamp-not-a-time</c>.
/// </summary>
internal sealed class ClockRule(DiagnosticLog diagnostics) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } = [DiagnosticCodes.TimeWentBack, DiagnosticCodes.StampNotATime];

    private TimeSpan _previous = TimeSpan.MinValue;
    private long _previousLine;

    /// <summary>Reads the time of the next line; true when it went back.</summary>
    public bool Read(in Stamp at, bool stampNotATime = false)
    {
        if (stampNotATime)
            diagnostics.Report(DiagnosticCodes.StampNotATime, at.Line, "the stamp of this line is no real date or time: the line is read without a time, and no latency is measured to or from it");
        if (at.Clock is not { } clock) return false;
        var back = clock < _previous;
        if (back)
            diagnostics.Report(DiagnosticCodes.TimeWentBack, at.Line,
                $"the time goes back {Reports.Report.Duration((_previous - clock).TotalMilliseconds)} here (line {_previousLine} is later): latencies across it are not measured");
        // A line without a stamp of its own keeps the time before it: the line named is the one the time is from.
        if (clock != _previous) (_previous, _previousLine) = (clock, at.Line);
        return back;
    }
}
