using Conformance.Analyzer.Diagnostics;
using Conformance.Protocol.Catalog;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Commands;

namespace Conformance.Analyzer.Timeline.Rules;

/// <summary>
/// keepAlive of <c>AT+MQTTCFG</c> must exceed the ACK timeout (manual §1.1), whether the timeout is the manual's
/// default or set by <c>AT+MQTTTO</c>. Owns <c>keepalive-below-timeout</c>.
/// </summary>
internal sealed class KeepAliveRule(DiagnosticLog diagnostics) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } = [DiagnosticCodes.KeepAliveBelowTimeout];

    private int? _keepAlive;
    private int _ackTimeout = (int)ProtocolCatalog.DefaultAckTimeout.TotalSeconds;
    private bool _ackTimeoutSet;

    public void Sent(AtCommand command, Stamp at)
    {
        switch (command)
        {
            case MqttCfg cfg:
                _keepAlive = cfg.KeepAlive;
                Check(at);
                break;
            case MqttTo to:
                _ackTimeout = to.TimeoutSeconds;
                _ackTimeoutSet = true;
                Check(at);
                break;
        }
    }

    private void Check(Stamp at)
    {
        if (_keepAlive is not { } keepAlive || keepAlive >= _ackTimeout) return;
        var source = _ackTimeoutSet ? "the AT+MQTTTO timeout" : "the default AT+MQTTTO timeout";
        diagnostics.Report(DiagnosticCodes.KeepAliveBelowTimeout, at.Line,
            $"keepAlive {keepAlive} s is smaller than {source} of {_ackTimeout} s: a lost connection can go undetected by PINGREQ (manual §1.1)");
    }
}
