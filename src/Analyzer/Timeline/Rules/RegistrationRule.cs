using Conformance.Analyzer.Diagnostics;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Responses;

namespace Conformance.Analyzer.Timeline.Rules;

/// <summary>
/// The network's answer to the module's registration (3GPP TS 27.007 <c>+CEREG</c>): a denial (stat 3) is why nothing
/// that follows reaches the server. Reported when the state turns to denied, not again while it stays so. Owns
/// <c>registration-denied</c>.
/// </summary>
internal sealed class RegistrationRule(DiagnosticLog diagnostics, Radio radio) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } = [DiagnosticCodes.RegistrationDenied];

    private const int Denied = 3;

    /// <summary>The unsolicited report <c>+CEREG: &lt;stat&gt;[,…]</c> (after <c>AT+CEREG=1</c> or more): the state comes first.</summary>
    public void Reported(string line, string text, Stamp at)
    {
        var colon = line.IndexOf(':');
        var fields = line.AsSpan(colon + 1);
        var comma = fields.IndexOf(',');
        if (int.TryParse(comma < 0 ? fields : fields[..comma], out var stat)) Now(stat, text, at);
    }

    /// <summary>The answer to <c>AT+CEREG?</c>: <c>+CEREG: &lt;n&gt;,&lt;stat&gt;</c>.</summary>
    public void Read(Registration registration, string text, Stamp at) => Now(registration.Stat, text, at);

    private void Now(int stat, string text, Stamp at)
    {
        if (stat == Denied && radio.Registration?.Stat != Denied)
            diagnostics.Report(DiagnosticCodes.RegistrationDenied, at.Line, $"{text}: the network denied the registration (3GPP TS 27.007 stat 3); nothing reaches the server until the module registers");
        radio.Registered(stat, at);
    }
}
