using Conformance.Analyzer.Diagnostics;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Events;
using Conformance.Protocol.Secrets;

namespace Conformance.Analyzer.Timeline.Rules;

/// <summary>
/// Lines of the module's output that are not text (<see cref="GarbledLines{TWhere}"/>): said once a log, at the first,
/// with how many. Owns <c>garbled-output</c>.
/// </summary>
/// <remarks>
/// Judged on the module's events, so every format that holds the module's lines (a raw capture, a terminal's stamped
/// lines, a transcript) is judged alike, and a publish's binary message never is.
/// </remarks>
internal sealed class GarbledRule(DiagnosticLog diagnostics, SecretMasker secrets) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } = [DiagnosticCodes.GarbledOutput];

    private readonly GarbledLines<Stamp> _lines = new();
    private long _count;
    private (Stamp At, byte[] Bytes) _first;

    public void Read(AtEvent atEvent, in Stamp at)
    {
        // Nearly every event: a line of text, nothing to hold or count.
        if (_lines.IsPlainText(atEvent)) return;
        Count(_lines.Read(atEvent, at, out var first), first);
    }

    /// <summary>The log ended: what was counted is said, at the first.</summary>
    public void Complete()
    {
        Count(_lines.Complete(out var last) ? 1 : 0, last);
        if (_count == 0) return;
        // The bytes shown are the masked line's: a secret in a garbled line is shown as *** too.
        diagnostics.Report(DiagnosticCodes.GarbledOutput, _first.At.Line,
            GarbledLines<Stamp>.Describe(_count, $"line {_first.At.Line}", secrets.Mask(_first.Bytes)));
    }

    private void Count(int garbled, (Stamp At, byte[] Bytes) first)
    {
        if (garbled == 0) return;
        if (_count == 0) _first = first;
        _count += garbled;
    }
}
