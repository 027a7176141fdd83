using Conformance.Analyzer.Diagnostics;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Responses;

namespace Conformance.Analyzer.Timeline.Rules;

/// <summary>
/// A command that failed: a <c>+CME ERROR</c> explained with the manual's meaning of its code, any other error as it
/// came. Owns <c>cme-error</c> and <c>command-error</c>.
/// </summary>
internal sealed class CommandErrorRule(DiagnosticLog diagnostics) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } = [DiagnosticCodes.CmeError, DiagnosticCodes.CommandError];

    /// <param name="command">The failed command as shown (secrets masked).</param>
    /// <param name="final">The final result as it came.</param>
    /// <param name="kind">What kind of final result it is; null for a data result (<c>SEND FAIL</c>).</param>
    /// <param name="value">The typed final result, when it parsed.</param>
    /// <param name="at">Where the final result came.</param>
    public void Failed(string command, string final, FinalResultKind? kind, FinalResult? value, Stamp at)
    {
        if (value is { Error: { } error })
            diagnostics.Report(DiagnosticCodes.CmeError, at.Line,
                $"{command} failed: +CME ERROR: {error.Code} means \"{error.Meaning}\" (manual §{error.Section})");
        else
            diagnostics.Report(kind == FinalResultKind.CmeError ? DiagnosticCodes.CmeError : DiagnosticCodes.CommandError,
                at.Line, $"{command} failed: {final}{(final == "4" && kind == FinalResultKind.Error ? " (ERROR, as a number after ATV0)" : "")}");
    }
}
