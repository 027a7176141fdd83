using Conformance.Analyzer.Diagnostics;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Families;
using Conformance.Protocol.Responses;

namespace Conformance.Analyzer.Timeline.Rules;

/// <summary>
/// An outcome URC that says no: <c>+MQTTOPEN: FAIL</c> (manual §1.2), a <c>+MQTTSUBACK</c> the server refused, and
/// another family's outcome line that does (<c>+QMTCONN: 0,0,4</c>). Owns <c>open-failed</c> and <c>subscribe-refused</c>.
/// </summary>
internal sealed class RefusalRule(DiagnosticLog diagnostics, Radio radio) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } = [DiagnosticCodes.OpenFailed, DiagnosticCodes.SubscribeRefused];

    /// <param name="urc">The URC.</param>
    /// <param name="text">Its line as shown (secrets masked).</param>
    /// <param name="answered">The wait it satisfied, if any.</param>
    /// <param name="at">Where it came.</param>
    public void Received(Urc urc, string text, Awaited? answered, Stamp at)
    {
        switch (urc)
        {
            case MqttOpenResult { Ok: false }:
                diagnostics.Report(DiagnosticCodes.OpenFailed, at.Line, $"{text}{Awaited.For(answered)}: the connection could not be made (manual §1.2){radio.Before(at)}");
                break;
            case SubAck { Granted: false }:
                diagnostics.Report(DiagnosticCodes.SubscribeRefused, at.Line, $"{text}{Awaited.For(answered)}: the server refused the subscription");
                break;
        }
    }

    /// <summary>Another family's outcome line says the connection or a subscription failed; <paramref name="message"/> says which and why.</summary>
    public void Failed(FamilyFailure kind, string message, Stamp at) =>
        diagnostics.Report(kind == FamilyFailure.Subscribe ? DiagnosticCodes.SubscribeRefused : DiagnosticCodes.OpenFailed, at.Line, message);
}
