using Conformance.Analyzer.Diagnostics;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;
using Conformance.Protocol.Secrets;

namespace Conformance.Analyzer.Timeline.Rules;

/// <summary>
/// The subscriptions the server holds, and whether they outlive a connection. With a clean session (the last field of
/// <c>AT+MQTTCFG</c>) the server forgets a client's subscriptions when its connection ends (MQTT 3.1.1 §3.1.2.4), so a
/// host that opens the connection again must subscribe again; one that does not hears nothing more on those topics,
/// while the module's own list (<c>AT+MQTTSUB?</c>) may still show them. Owns <c>subscription-lost</c>.
/// </summary>
/// <remarks>
/// Judged only on the evidence in the log: the clean flag of an accepted <c>AT+MQTTCFG</c> the log shows, an open the
/// host asked for (<c>AT+MQTTOPEN</c> answered by <c>+MQTTOPEN: OK</c>; the manual does not say what the module
/// subscribes again after reconnecting by itself), and at least one command after the open. A message that arrives
/// on a topic after the open shows its subscription alive, whoever renewed it (OneNET's automatic subscription).
/// </remarks>
internal sealed class SubscriptionRule(DiagnosticLog diagnostics, SecretMasker secrets) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } = [DiagnosticCodes.SubscriptionLost];

    // Subscribe and unsubscribe commands awaiting their ack, by the line that sent them: the ack's topic is optional.
    private const int AskedLimit = 256;
    private const int NamedTopics = 5;
    private readonly Dictionary<long, (string Topic, bool Subscribe)> _asked = [];
    private readonly Dictionary<string, long> _held = new(StringComparer.Ordinal);      // topic filter → line of the SUBACK granting it
    private readonly Dictionary<string, long> _notRenewed = new(StringComparer.Ordinal);
    private (bool Clean, long Line)? _config;
    private Stamp _reopened;
    private long _cleanSetAt;   // the AT+MQTTCFG in force at the open
    private bool _carriedOn;

    /// <summary>The host sent <paramref name="command"/> (parsed) at <paramref name="at"/>.</summary>
    public void Sent(AtCommand command, Stamp at)
    {
        switch (command)
        {
            case MqttSub sub: Ask(at, sub.Topic, subscribe: true); break;
            case MqttUnsub unsub: Ask(at, unsub.Topic, subscribe: false); break;
            default: _carriedOn |= _notRenewed.Count > 0; break;
        }
    }

    /// <summary>The module accepted <paramref name="pending"/> with OK: <c>AT+MQTTCFG</c> sets the session's clean flag.</summary>
    public void Accepted(PendingExchange pending)
    {
        if (pending.Command is MqttCfg cfg) _config = (cfg.Clean, pending.Sent.Line);
    }

    /// <param name="urc">The URC.</param>
    /// <param name="answered">The wait it satisfied, if any.</param>
    /// <param name="at">Where it came.</param>
    public void Received(Urc urc, Awaited? answered, Stamp at)
    {
        switch (urc)
        {
            case SubAck ack when Topic(answered, ack.Topic) is { } topic:
                _notRenewed.Remove(topic);
                if (ack.Granted) _held[topic] = at.Line;
                break;
            case UnsubAck ack when Topic(answered, ack.Topic) is { } topic:
                (_, _) = (_held.Remove(topic), _notRenewed.Remove(topic));
                break;
            case MqttPublish publish when _notRenewed.Count > 0:
                foreach (var filter in _notRenewed.Keys)
                    if (TopicFilter.Matches(filter, publish.Topic)) _notRenewed.Remove(filter);
                break;
            case MqttOpenResult { Ok: true } when answered is not null:
                Opened(at);
                break;
            case MqttOpenResult or MqttDisconnected:
                Ended();
                break;
        }
    }

    /// <summary>The module restarted: the connection it had is gone.</summary>
    public void Restarted() => Ended();

    /// <summary>The log ended.</summary>
    public void Complete() => Ended();

    private void Ask(Stamp at, string topic, bool subscribe)
    {
        if (_asked.Count >= AskedLimit) _asked.Clear();   // acks that never came: their lines are kept no longer
        _asked[at.Line] = (topic, subscribe);
    }

    private string? Topic(Awaited? answered, string? own) =>
        answered is not null && _asked.Remove(answered.Line, out var asked) ? asked.Topic : own;

    /// <summary>The host opened a connection: with a clean session, every subscription held before must be made again.</summary>
    private void Opened(Stamp at)
    {
        Ended();
        if (_config is not { Clean: true } || _held.Count == 0) return;
        foreach (var (topic, line) in _held) _notRenewed[topic] = line;
        _held.Clear();
        (_reopened, _carriedOn, _cleanSetAt) = (at, false, _config.Value.Line);
    }

    /// <summary>The connection since the last open ended (or the log did): what the host went on without is said.</summary>
    private void Ended()
    {
        if (_notRenewed.Count == 0) return;
        if (!_carriedOn)
        {
            // Nothing was done on that connection: the subscriptions are still to be made on the next one.
            foreach (var (topic, line) in _notRenewed) _held.TryAdd(topic, line);
            _notRenewed.Clear();
            return;
        }
        var topics = string.Join(", ", _notRenewed.Take(NamedTopics).Select(t => $"\"{secrets.Mask(t.Key)}\" (subscribed at line {t.Value})"));
        var more = _notRenewed.Count > NamedTopics ? $" and {_notRenewed.Count - NamedTopics} more" : "";
        diagnostics.Report(DiagnosticCodes.SubscriptionLost, _reopened.Line,
            $"the connection was opened again here with a clean session (AT+MQTTCFG at line {_cleanSetAt} sets clean 1), and the host went on without subscribing again to {topics}{more}: the server forgot {(_notRenewed.Count == 1 ? "it" : "them")} with the old session, and no message on {(_notRenewed.Count == 1 ? "it" : "them")} arrived after (MQTT 3.1.1 §3.1.2.4); subscribe again after every open");
        _notRenewed.Clear();
    }
}
