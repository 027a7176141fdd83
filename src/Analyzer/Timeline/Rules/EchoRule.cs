using Conformance.Analyzer.Diagnostics;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Framing;
using Conformance.Protocol.Secrets;

namespace Conformance.Analyzer.Timeline.Rules;

/// <summary>The module's echo of a command differs from what the host sent. Owns <c>echo-mismatch</c>.</summary>
internal sealed class EchoRule(DiagnosticLog diagnostics, SecretMasker secrets) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } = [DiagnosticCodes.EchoMismatch];

    /// <param name="echo">The echo as it came.</param>
    /// <param name="command">The command it echoes, as read from the echo.</param>
    /// <param name="sent">Where the pending command was sent.</param>
    /// <param name="at">Where the echo came.</param>
    public void Echoed(string echo, string command, Stamp sent, Stamp at)
    {
        // An echo repeats the keystrokes: backspaces typed in a terminal are no difference.
        if (echo != command && LineEditing.Apply(echo) != command)
            diagnostics.Report(DiagnosticCodes.EchoMismatch, at.Line, $"the echo '{secrets.Mask(echo)}' differs from the command sent at line {sent.Line}");
    }
}
