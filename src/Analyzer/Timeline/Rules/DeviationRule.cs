using Conformance.Analyzer.Diagnostics;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Secrets;
using Conformance.Protocol.Syntax;

namespace Conformance.Analyzer.Timeline.Rules;

/// <summary>
/// Lines that differ from the manual's canonical form: each kind of deviation is reported once per log, where it is
/// first seen, since a module that deviates does so on every line. Owns <c>format-deviation</c>; a deviation that is a
/// diagnostic of its own is reported under its own code, each time.
/// </summary>
internal sealed class DeviationRule(DiagnosticLog diagnostics, SecretMasker secrets) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } = [DiagnosticCodes.Deviation];

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, CodeEntry> Findings = DiagnosticCodes.All.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public void Check(IReadOnlyList<Deviation> deviations, Stamp at)
    {
        // By index: a foreach over the interface would box an enumerator per line that deviates.
        for (var i = 0; i < deviations.Count; i++)
        {
            var deviation = deviations[i];
            // A deviation that is a finding of its own (message-len-mismatch: the message and its count disagree) is
            // reported under its code at every line, as the same finding in a command is.
            if (Findings.TryGetValue(deviation.Code, out var finding))
                diagnostics.Report(finding, at.Line, $"{secrets.Mask(deviation.Message)}{Section(deviation)}");
            else if (_seen.Add(deviation.Code))
                diagnostics.Report(DiagnosticCodes.Deviation, at.Line, $"{deviation.Code}{Section(deviation)}: {secrets.Mask(deviation.Message)}; reported once");
        }
    }

    private static string Section(Deviation deviation) => deviation.Section.Length > 0 ? $" (manual §{deviation.Section})" : "";
}
