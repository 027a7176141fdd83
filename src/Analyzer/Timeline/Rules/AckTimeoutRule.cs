using Conformance.Analyzer.Diagnostics;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Responses;

namespace Conformance.Analyzer.Timeline.Rules;

/// <summary>
/// <c>+MQTTTO</c> of a publish, subscribe or unsubscribe: the server's ACK did not come in time (manual §1.9). Owns
/// <c>ack-timeout</c>; a ping timeout is the session's (it starts a reconnection episode).
/// </summary>
internal sealed class AckTimeoutRule(DiagnosticLog diagnostics, Radio radio) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } = [DiagnosticCodes.AckTimeout];

    /// <param name="timeout">The timeout URC.</param>
    /// <param name="text">Its line as shown (secrets masked).</param>
    /// <param name="late">The wait for the ACK it ended, if any.</param>
    /// <param name="at">Where it came.</param>
    public void TimedOut(MqttTimeout timeout, string text, Awaited? late, Stamp at) =>
        diagnostics.Report(DiagnosticCodes.AckTimeout, at.Line,
            $"{text}: no {timeout.Type.ToString().ToLowerInvariant()} ACK from the server in time{Awaited.For(late)} (manual §1.9){radio.Before(at)}");
}
