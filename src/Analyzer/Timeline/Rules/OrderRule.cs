using Conformance.Analyzer.Diagnostics;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;

namespace Conformance.Analyzer.Timeline.Rules;

/// <summary>
/// The manual's command order: CFG before OPEN before the rest, one CFG per DEL. Owns <c>out-of-order</c> and
/// <c>cfg-without-del</c>.
/// </summary>
internal sealed class OrderRule(DiagnosticLog diagnostics) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } = [DiagnosticCodes.OutOfOrder, DiagnosticCodes.CfgWithoutDel];

    /// <param name="command">The command sent.</param>
    /// <param name="display">Its line as shown (secrets masked).</param>
    /// <param name="state">The session's state when it was sent; null while unknown (the log starts mid-session).</param>
    /// <param name="at">Where it was sent.</param>
    public void Sent(AtCommand command, string display, MqttState? state, Stamp at)
    {
        switch (command)
        {
            case MqttCfg when state is not null and not MqttState.NotInitialised:
                diagnostics.Report(DiagnosticCodes.CfgWithoutDel, at.Line, $"AT+MQTTCFG again in state {Describe(state)} without AT+MQTTDEL first (manual §1.1)");
                break;
            case MqttOpen when state is MqttState.NotInitialised:
                diagnostics.Report(DiagnosticCodes.OutOfOrder, at.Line, "AT+MQTTOPEN before AT+MQTTCFG: no client instance exists (manual §1.2)");
                break;
            case MqttOpen when state is MqttState.Connected:
                diagnostics.Report(DiagnosticCodes.OutOfOrder, at.Line, "AT+MQTTOPEN while already connected");
                break;
            case MqttSub or MqttUnsub or MqttPub or MqttPing when state is not null and not MqttState.Connected:
                diagnostics.Report(DiagnosticCodes.OutOfOrder, at.Line, $"{CommandText.Key(display).TrimEnd('=')} in state {Describe(state)}: it needs +MQTTOPEN: OK first");
                break;
        }
    }

    private static string Describe(MqttState? state) => state is { } s ? $"{(int)s} ({s})" : "unknown";
}
