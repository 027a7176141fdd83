using Conformance.Analyzer.Diagnostics;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Secrets;
using Conformance.Protocol.Syntax;

namespace Conformance.Analyzer.Timeline.Rules;

/// <summary>
/// Lines that differ from the manual's canonical form: each kind of deviation is reported once per log, where it is
/// first seen, since a module that deviates does so on every line. Owns <c>format-deviation</c>.
/// </summary>
internal sealed class DeviationRule(DiagnosticLog diagnostics, SecretMasker secrets) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } = [DiagnosticCodes.Deviation];

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public void Check(IReadOnlyList<Deviation> deviations, Stamp at)
    {
        // By index: a foreach over the interface would box an enumerator per line that deviates.
        for (var i = 0; i < deviations.Count; i++)
        {
            var deviation = deviations[i];
            if (_seen.Add(deviation.Code))
                diagnostics.Report(DiagnosticCodes.Deviation, at.Line, $"{deviation.Code}{(deviation.Section.Length > 0 ? $" (manual §{deviation.Section})" : "")}: {secrets.Mask(deviation.Message)}; reported once");
        }
    }
}
