using Conformance.Analyzer.Diagnostics;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Secrets;

namespace Conformance.Analyzer.Timeline.Rules;

/// <summary>
/// A command, answer or URC of the M5310-A that does not parse: what is wrong and at which character. Owns
/// <c>unreadable-line</c>.
/// </summary>
internal sealed class UnreadableRule(DiagnosticLog diagnostics, SecretMasker secrets) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } = [DiagnosticCodes.UnreadableLine];

    /// <summary>A command line the host sent.</summary>
    /// <param name="display">The line as shown (secrets masked).</param>
    /// <param name="error">What the parser found wrong; null when it gave no reason.</param>
    /// <param name="position">Where, 0-based; negative when unknown.</param>
    /// <param name="at">Where it was sent.</param>
    public void Sent(string display, string? error, int position, Stamp at) =>
        diagnostics.Report(DiagnosticCodes.UnreadableLine, at.Line, $"{display}: {secrets.Mask(error ?? "unreadable")}{Position(position)}");

    /// <summary>An answer or URC the module sent.</summary>
    /// <param name="text">The line as shown (secrets masked).</param>
    /// <param name="error">What the parser found wrong.</param>
    /// <param name="position">Where, 0-based; negative when unknown.</param>
    /// <param name="at">Where it came.</param>
    public void Received(string text, string error, int position, Stamp at) =>
        diagnostics.Report(DiagnosticCodes.UnreadableLine, at.Line, $"'{text}': {secrets.Mask(error)}{Position(position)}");

    private static string Position(int position) => position >= 0 ? $" (at character {position + 1})" : "";
}
