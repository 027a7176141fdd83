using Conformance.Analyzer.Diagnostics;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Families;
using Conformance.Protocol.Responses;

namespace Conformance.Analyzer.Timeline.Rules;

/// <summary>
/// A command that failed: a <c>+CME ERROR</c> explained with the manual's meaning of its code, another family's failure
/// with that family's codes (<see cref="ModuleFamily.ExplainError"/>), any other error as it came. Owns <c>cme-error</c> and <c>command-error</c>.
/// </summary>
internal sealed class CommandErrorRule(DiagnosticLog diagnostics) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } = [DiagnosticCodes.CmeError, DiagnosticCodes.CommandError];

    /// <param name="command">The failed command as shown (secrets masked).</param>
    /// <param name="final">The final result as it came.</param>
    /// <param name="kind">What kind of final result it is; null for a data result (<c>SEND FAIL</c>).</param>
    /// <param name="value">The typed final result, when it parsed.</param>
    /// <param name="at">Where the final result came.</param>
    /// <param name="family">The other module family the command belongs to, if any: its own codes explain the failure.</param>
    /// <param name="information">The information lines the command got before its final result (secrets masked).</param>
    public void Failed(string command, string final, FinalResultKind? kind, FinalResult? value, Stamp at, ModuleFamily? family = null,
        IReadOnlyList<string>? information = null)
    {
        if (family is not null)
        {
            // A verbose +CME ERROR says its meaning itself: a code matched from the M5310-A's words is not this family's.
            var why = family.ExplainError(value is { ErrorText: null } ? value.ErrorCode : null, information ?? []);
            diagnostics.Report(kind == FinalResultKind.CmeError ? DiagnosticCodes.CmeError : DiagnosticCodes.CommandError,
                // A +CME ERROR's explanation names the code itself; ESP-AT's names the line before ERROR.
                at.Line, why is null ? $"{command} failed: {final}" : kind == FinalResultKind.CmeError ? $"{command} failed: {why}" : $"{command} failed: {final}: {why}");
        }
        else if (value is { Error: { } error })
            diagnostics.Report(DiagnosticCodes.CmeError, at.Line,
                $"{command} failed: +CME ERROR: {error.Code} means \"{error.Meaning}\" (manual §{error.Section})");
        else
            diagnostics.Report(kind == FinalResultKind.CmeError ? DiagnosticCodes.CmeError : DiagnosticCodes.CommandError,
                at.Line, $"{command} failed: {final}{(final == "4" && kind == FinalResultKind.Error ? " (ERROR, as a number after ATV0)" : "")}");
    }

    /// <summary>Another family's outcome line says its command could not be carried out (<c>+QMTPUB: 0,1,2</c>); <paramref name="message"/> says which and why.</summary>
    public void Failed(string message, Stamp at) => diagnostics.Report(DiagnosticCodes.CommandError, at.Line, message);
}
