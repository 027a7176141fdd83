using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Statistics;
using Conformance.Protocol.Catalog;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Events;
using Conformance.Protocol.Families;
using Conformance.Protocol.Responses;
using Conformance.Protocol.Syntax;

namespace Conformance.Analyzer.Timeline;

/// <summary>
/// What answers what: the pending command and its final result, the outcome URCs commands wait for (also one that
/// comes before its command's OK), and the QoS 2 handshakes by packet id. Counts the exchanges and URCs.
/// </summary>
internal sealed class Correlation(int limit, CappedList<Exchange> exchanges, StatisticsBuilder statistics, DiagnosticLog diagnostics, KeptText kept) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } =
    [
        DiagnosticCodes.NoFinalResult, DiagnosticCodes.CommandRetried, DiagnosticCodes.FinalWithoutCommand, DiagnosticCodes.UrcMissing,
        DiagnosticCodes.HandshakeOpen, DiagnosticCodes.UnexpectedUrc, DiagnosticCodes.WholeSecondStamps,
    ];

    private bool _untimedNoted;

    private readonly OpenFlows _flows = new(limit);
    private readonly OpenFlows _familyFlows = new(limit);   // other families' outcomes: linked when they come, never reported missing

    /// <summary>The command waiting for its final result; null when none does.</summary>
    public PendingExchange? Pending { get; private set; }

    private readonly PendingExchange _exchange = new();

    public long Commands { get; private set; }
    public long Ok { get; private set; }
    public long Errors { get; private set; }
    public long Unanswered { get; private set; }
    public long Urcs { get; private set; }

    /// <summary>A command begins: it waits for its final result from now on.</summary>
    public PendingExchange Start(Stamp at, string display, string key, string line, AtCommand? command)
    {
        Commands++;
        return Pending = _exchange.Begin(at, display, key, line, command);
    }

    /// <summary>The command a final result ends; null, and reported, when none was waiting.</summary>
    public PendingExchange? Final(string text, Stamp at)
    {
        if (Pending is { } pending) return pending;
        diagnostics.Report(DiagnosticCodes.FinalWithoutCommand, at.Line, $"{text} arrived while no command was waiting");
        return null;
    }

    /// <summary>Closes <paramref name="pending"/> with its final result (an error is the caller's to explain).</summary>
    public void Finish(PendingExchange pending, string final, bool ok, Stamp at)
    {
        Pending = null;
        var latency = at.LatencySince(pending.Sent);
        if (latency is null && !_untimedNoted && !at.Inherited && !pending.Sent.Inherited && at.OnWholeSecond && pending.Sent.OnWholeSecond && at.MillisecondsSince(pending.Sent) is not null)
        {
            _untimedNoted = true;
            diagnostics.Report(DiagnosticCodes.WholeSecondStamps, pending.Sent.Line,
                $"this command and its final result at line {at.Line} are stamped in whole seconds: an answer within the second and one nearly two seconds later read alike, so no latency is measured between such stamps");
        }
        if (exchanges.Keeps()) exchanges.Add(pending.Finish(final, latency, kept));
        statistics.AddExchange(pending.Key, ok, latency);
        if (ok) Ok++;
        else Errors++;
    }

    /// <summary>The command got OK: from now on the URC carrying its outcome is awaited, unless it already came.</summary>
    public void Accepted(PendingExchange pending)
    {
        // Another session in the same log (a second device's, or the client made anew): the old client's waits end here.
        if (pending.Command is { } made and not UnknownCommand && ProtocolCatalog.Command(made.Name)?.NewClient == true)
            foreach (var awaited in _flows.TakeAll()) Missing(awaited, $"before AT{made.Name} at line {pending.Sent.Line} made the MQTT client anew");
        if (pending.OutcomeSeen) return;
        // Another family's command of the same name (ESP-AT's AT+MQTTSUB) has outcomes of its own.
        // A line that does not parse but that the module accepted (message_len off by a byte) still has its outcome coming.
        if (pending.Command is not UnknownCommand
            && ProtocolCatalog.OutcomeOf(pending.Line, pending.Command is MqttPub pub ? pub.Qos : pending.Command is null ? LooseQos(pending.Line) : 0) is { } outcome
            && _flows.Expect(new Awaited(pending.Sent.Line, outcome.Name, pending.Display)) is { } dropped)
            Missing(dropped, "while too many were open");
        // Another family's outcome line (`+QMTOPEN: 0,0` after AT+QMTOPEN) answers it when it comes; that family is not checked.
        if (pending.Command is UnknownCommand { Family: not null } other && ModuleFamilies.OutcomeOf(other.Text) is { } line)
            _familyFlows.Expect(new Awaited(pending.Sent.Line, line, pending.Display));
    }

    // The QoS of a publish line read as far as its second field: `AT+MQTTPUB="t",1,…` whatever follows.
    private static int LooseQos(string line) =>
        CommandLine.Parse(line)?.Split(3, out _, out _) is [_, { Value: "1" or "2" } qos, ..] ? qos.Value[0] - '0' : 0;

    /// <summary>Why a command is given up without a final result, as its finding says it.</summary>
    public readonly record struct GiveUpReason(CodeEntry Code, string Message);

    /// <summary>The command got no final result: <paramref name="why"/>.</summary>
    public static GiveUpReason NoAnswer(PendingExchange pending, string why) => new(DiagnosticCodes.NoFinalResult, $"{pending.Display} got no final result: {why}");

    /// <summary>
    /// The host sent the command again at <paramref name="again"/> before its answer came: a retry, not a module that
    /// never answers; unless the answer was already overdue (<see cref="ProtocolCatalog.FinalResultWithin"/>).
    /// </summary>
    public static GiveUpReason Retry(PendingExchange pending, Stamp again)
    {
        var waited = again.MillisecondsSince(pending.Sent);
        var overdue = ProtocolCatalog.FinalResultWithin.TotalMilliseconds;
        return waited > overdue
            ? NoAnswer(pending, $"none came within {overdue / 1000:0} s, and the host sent it again at line {again.Line}, {waited:0} ms after it")
            : new(DiagnosticCodes.CommandRetried,
                $"{pending.Display} got no final result{(waited is { } ms ? $" in the {ms:0} ms the host waited" : "")}: the host sent it again at line {again.Line}");
    }

    /// <summary>The command is given up without a final result, for <paramref name="reason"/>; its finding is reported unless <paramref name="report"/> is false.</summary>
    public void GiveUp(PendingExchange pending, GiveUpReason reason, bool report = true)
    {
        Pending = null;
        Unanswered++;
        if (exchanges.Keeps()) exchanges.Add(pending.Finish(null, null, kept));
        statistics.AddExchange(pending.Key, null, null);
        if (report) ReportUnanswered(pending.Sent.Line, reason);
    }

    /// <summary>A command given up earlier without its finding (<see cref="GiveUp"/> with report false) gets it now.</summary>
    public void ReportUnanswered(long line, GiveUpReason reason) => diagnostics.Report(reason.Code, line, reason.Message);

    /// <summary>An information line answers the pending command.</summary>
    /// <param name="pending">The pending command.</param>
    /// <param name="line">The line as it came.</param>
    /// <param name="text">The line as shown (secrets masked).</param>
    /// <param name="at">Where it came.</param>
    public void Information(PendingExchange pending, string line, string text, Stamp at)
    {
        pending.Inform(text);
        if (ProtocolCatalog.DataResults.TryGetValue(line, out var sent)) pending.DataResult = new DataResult(line, sent, at);
    }

    /// <summary>Matches a URC with the wait it satisfies, and starts the handshake step it calls for.</summary>
    /// <param name="urcEvent">The URC.</param>
    /// <param name="name">The name it is counted under.</param>
    /// <param name="text">Its line as shown (secrets masked).</param>
    /// <param name="at">Where it came.</param>
    /// <param name="reconnecting">Whether the module is re-making its connection by itself (its <c>+MQTTOPEN</c> answers no command).</param>
    /// <param name="packetId">Its packet id, when it has one.</param>
    /// <param name="unexpected">True when something should have waited for it and nothing did; see <see cref="Unexpected"/>.</param>
    /// <returns>The wait it satisfied; null when none.</returns>
    public Awaited? Received(AtEvent urcEvent, string name, string text, Stamp at, bool reconnecting, out int? packetId, out bool unexpected)
    {
        Urcs++;
        (packetId, unexpected) = (null, false);
        // The outcome of the pending command before its final result: it answers that command (docs/interpretation.md).
        Awaited? early = null;
        if (urcEvent.Command is not null && Pending is { } pending)
        {
            pending.OutcomeSeen = true;
            early = new Awaited(pending.Sent.Line, name, pending.Display);
        }
        // A URC of the catalog in a form that could not be read still came: it ends the oldest wait for it (its form is
        // reported unreadable), rather than that wait being reported as never met.
        if (urcEvent.Value is not Urc urc)
            return early ?? (ProtocolCatalog.Urc(name) is null ? null : _flows.Take(name) ?? _flows.TakeAnyPacket(name))
                ?? _familyFlows.Take(ModuleFamilies.OutcomeKey(name, urcEvent.Text));
        Awaited? answered;
        switch (urc)
        {
            case MqttOpenResult:
                answered = early ?? _flows.Take(urc.Name);
                unexpected = answered is null && !reconnecting;
                return answered;
            case SubAck ack:
                return Acknowledged(early, ack.Name, ack.PacketId, out packetId, out unexpected);
            case UnsubAck ack:
                return Acknowledged(early, ack.Name, ack.PacketId, out packetId, out unexpected);
            case PubAck ack:
                return Acknowledged(early, ack.Name, ack.PacketId, out packetId, out unexpected);
            case PubRec rec:
                packetId = rec.PacketId;
                answered = early ?? _flows.Take(rec.Name);
                if (answered is null) unexpected = true;
                else Handshake(new Awaited(at.Line, ProtocolCatalog.FollowerOf(rec.Name), text, true) { PacketId = rec.PacketId, Of = answered }, rec.PacketId);
                return answered;
            case PubComp or PubRel:
                var step = (QosTwoAck)urc;
                packetId = step.PacketId;
                answered = _flows.Take(step.Name, step.PacketId);
                unexpected = answered is null;
                return answered;
            case MqttPublish incoming:
                packetId = incoming.PacketId;
                // A redelivery (DUP 1) of a packet whose PUBREL is awaited is the same message again: the wait goes on.
                if (incoming.Qos == 2 && !(incoming.Dup == 1 && _flows.IsAwaited(ProtocolCatalog.FollowerOf(incoming.Name), incoming.PacketId)))
                    Handshake(new Awaited(at.Line, ProtocolCatalog.FollowerOf(incoming.Name), text, true) { PacketId = incoming.PacketId }, incoming.PacketId);
                return null;
            case MqttTimeout { Type: not MqttTimeoutType.Ping } timeout:
                return _flows.TakeOldest([.. ProtocolCatalog.AwaitedBy(timeout.Type)]);
            case MqttDisconnected:
                return early ?? _flows.Take(urc.Name);
            default:
                return null;
        }
    }

    /// <summary>An ACK of a command, matched first in, first out (the command does not know its packet id).</summary>
    private Awaited? Acknowledged(Awaited? early, string urc, int id, out int? packetId, out bool unexpected)
    {
        packetId = id;
        var answered = early ?? _flows.Take(urc);
        unexpected = answered is null;
        return answered;
    }

    /// <summary>Reports a URC that answers nothing although a command or handshake step should have waited for it.</summary>
    public void Unexpected(Urc urc, string text, Stamp at) =>
        diagnostics.Report(DiagnosticCodes.UnexpectedUrc, at.Line, $"{text} answers nothing: no {Awaiting(urc)} was waiting for it");

    /// <summary>The module restarted at <paramref name="at"/>: no URC awaited will come; each is reported as missing.</summary>
    public void Restarted(Stamp at)
    {
        foreach (var awaited in _flows.TakeAll()) Missing(awaited, $"before the module restarted at line {at.Line}");
        _familyFlows.TakeAll();
    }

    /// <summary>The log ended: every wait still open is reported.</summary>
    public void Complete()
    {
        foreach (var awaited in _flows.Remaining) Missing(awaited, "before the log ended");
    }

    private static string Awaiting(Urc urc) => urc switch
    {
        MqttOpenResult => "AT+MQTTOPEN",
        SubAck => "AT+MQTTSUB",
        UnsubAck => "AT+MQTTUNSUB",
        PubAck => "QoS 1 AT+MQTTPUB",
        PubRec => "QoS 2 AT+MQTTPUB",
        PubComp comp => $"+MQTTPUBREC of packet {comp.PacketId}",
        PubRel rel => $"QoS 2 +MQTTPUBLISH of packet {rel.PacketId}",
        _ => urc.Name,
    };

    private void Handshake(Awaited awaited, int packetId)
    {
        if (_flows.Expect(awaited, packetId, out var reused) is not { } dropped) return;
        Missing(dropped, reused ? $"before packet id {packetId} was used again" : $"before {limit} later handshakes began (the most followed at once)");
    }

    private void Missing(Awaited awaited, string when) =>
        diagnostics.Report(awaited.IsHandshake ? DiagnosticCodes.HandshakeOpen : DiagnosticCodes.UrcMissing,
            awaited.Line, $"{awaited.Urc} never came for {awaited.After} {when}");
}
