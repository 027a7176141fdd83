using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Statistics;
using Conformance.Analyzer.Timeline.Rules;
using Conformance.Protocol.Catalog;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Events;
using Conformance.Protocol.Families;
using Conformance.Protocol.Framing;
using Conformance.Protocol.Responses;
using Conformance.Protocol.Secrets;
using Conformance.Protocol.Syntax;

namespace Conformance.Analyzer.Timeline;

/// <summary>
/// Builds the <see cref="Analysis"/> of a log, streaming: feed records one at a time with <see cref="Add"/>, then
/// call <see cref="Complete"/>. Only open state (the pending command, awaited URCs, the session) and the first
/// <see cref="AnalysisOptions.MaxStoredItems"/> items of each list are kept, so memory stays bounded.
/// </summary>
public sealed class TimelineBuilder
{
    private readonly AnalysisOptions _options;
    private readonly AtEventReader _events = new();
    private readonly OffsetMap _offsets = new();
    private readonly HostLines _host = new();
    private readonly OpenFlows _flows;
    private readonly OpenFlows _familyFlows;   // other families' outcomes: linked when they come, never reported missing
    private readonly SessionTracker _session;
    private readonly SecretMasker _secrets;
    private readonly SecretStream _sentSecrets;
    private readonly StatisticsBuilder _statistics = new();
    private readonly CappedList<Exchange> _exchanges;
    private readonly CappedList<UrcEvent> _urcs;
    private readonly DiagnosticLog _diagnostics;
    private readonly CappedList<StateChange> _changes;
    private readonly CappedList<Reconnection> _reconnections;
    private readonly CappedList<PublishedDataPoints> _dataPoints;
    private readonly HashSet<string> _deviationsSeen = new(StringComparer.Ordinal);
    private readonly List<ModuleFamily> _families = [];
    private readonly OrderRule _order;
    private readonly KeepAliveRule _keepAliveRule;
    private readonly PayloadRule _payload;

    private PendingExchange? _pending;
    private Awaited? _early;   // while a URC is handled: the pending command whose outcome it carries before its final result
    private DateTimeOffset? _firstTime;
    private Stamp _last;
    private long _commands, _ok, _errors, _unanswered, _urcCount;
    private bool _unknownDirectionSeen, _noiseSeen, _completed;

    /// <summary>Every event read from the module's output, in order, as it is read.</summary>
    public event Action<AtEvent>? EventRead;

    public TimelineBuilder(AnalysisOptions? options = null)
    {
        _options = options ?? new AnalysisOptions();
        if (_options.MaxStoredItems < 1)
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxStoredItems, "MaxStoredItems must be at least 1");
        var cap = _options.MaxStoredItems;
        var sink = _options.Sink;
        (_exchanges, _urcs, _diagnostics) = (new(cap, sink is null ? null : sink.Exchange), new(cap, sink is null ? null : sink.Urc), new(cap, sink is null ? null : sink.Diagnostic));
        (_changes, _reconnections, _dataPoints) = (new(cap, sink is null ? null : sink.StateChange), new(cap, sink is null ? null : sink.Reconnection), new(cap, sink is null ? null : sink.DataPoints));
        _flows = new OpenFlows(cap);
        _familyFlows = new OpenFlows(cap);
        _secrets = new SecretMasker(show: _options.ShowSecrets);
        _sentSecrets = _secrets.Stream();
        _session = new SessionTracker(_changes, _reconnections, _statistics, _diagnostics);
        (_order, _keepAliveRule, _payload) = (new OrderRule(_diagnostics), new KeepAliveRule(_diagnostics), new PayloadRule(_diagnostics, _dataPoints));
    }

    /// <summary>Analyses a whole log.</summary>
    public static Analysis Analyze(IEnumerable<LogRecord> records, AnalysisOptions? options = null)
    {
        var builder = new TimelineBuilder(options);
        foreach (var record in records) builder.Add(record);
        return builder.Complete();
    }

    /// <summary>Takes the next record of the log.</summary>
    public void Add(LogRecord record)
    {
        if (_completed) throw new InvalidOperationException("Complete() was called: the analysis is finished");
        _firstTime ??= record.Time;
        var stamp = new Stamp(record.Line, record.Time, record.SinceStart ?? record.Time - _firstTime);
        _last = stamp;
        if (record.Direction == LogDirection.ToModule)
        {
            foreach (var (line, sent) in _host.Add(record.Data, stamp)) Send(line, sent);
            return;
        }
        if (record.Direction == LogDirection.Unknown && !_unknownDirectionSeen)
        {
            _unknownDirectionSeen = true;
            _diagnostics.Report(DiagnosticCodes.UnknownDirection, record.Line, "the log does not say which way this record went; read as module output");
        }
        _offsets.Add(_events.Position, stamp, record.SpansLines ? record.Data : null);
        ReadOnlySpan<byte> input = record.Data;
        while (_events.TryRead(ref input, out var atEvent)) Handle(atEvent);
    }

    /// <summary>Ends the log: what is still open becomes a diagnostic, and the analysis is returned.</summary>
    public Analysis Complete()
    {
        if (!_completed)
        {
            _completed = true;
            ReadOnlySpan<byte> rest = default;
            while (_events.TryRead(ref rest, out var atEvent, isFinalBlock: true)) Handle(atEvent);
            if (_host.Flush() is var (line, sent)) Send(line, sent);
            if (_pending is { } pending) Unanswered(pending, "the log ended first");
            foreach (var awaited in _flows.Remaining) Missing(awaited, "before the log ended");
            _session.Finish(_last);
        }
        var omitted = _exchanges.Omitted + _urcs.Omitted + _diagnostics.Omitted + _changes.Omitted + _reconnections.Omitted + _dataPoints.Omitted;
        return new Analysis(
            new Summary(_commands, _ok, _errors, _unanswered, _urcCount, _session.Episodes, _diagnostics.Count, omitted),
            _exchanges.Items, _urcs.Items, _diagnostics.Kept, _changes.Items, _reconnections.Items, _dataPoints.Items,
            _statistics.Build(_diagnostics.Counts()));
    }

    private void Send(string line, Stamp at)
    {
        // After a prompt the host sends raw data until the final result: not a command.
        if (_events.AwaitingData) return;
        if (_pending is { } old) Unanswered(old, $"the next command was sent at line {at.Line} first");
        _events.CommandSent(line);
        Start(line, at);
    }

    /// <summary>A command begins: sent by the host, or seen only in its echo (already parsed then).</summary>
    private void Start(string line, Stamp at, ParseResult<AtCommand>? parsed = null)
    {
        _commands++;
        parsed ??= AtCommandParser.Parse(line);
        var display = _sentSecrets.MaskLine(line);
        _pending = new PendingExchange(at, display, line, parsed.Value);

        if (parsed.Value is UnknownCommand { Family: { } family }) OtherFamily(family, Owner(line), at);
        var payloadReported = parsed.Value is not UnknownCommand && _payload.Sent(line, at);
        if (parsed.Value is not { } command)
        {
            if (!payloadReported)
                _diagnostics.Report(DiagnosticCodes.UnreadableLine, at.Line,
                    $"{display}: {_secrets.Mask(parsed.Error ?? "unreadable")}{Position(parsed.ErrorPosition)}");
            return;
        }
        Deviations(parsed.Deviations, at);
        _order.Sent(command, display, _session.State, at);
        _keepAliveRule.Sent(command, at);
    }

    private void Handle(AtEvent atEvent)
    {
        EventRead?.Invoke(atEvent);
        var at = _offsets.At(atEvent.Offset);
        switch (atEvent.Kind)
        {
            case AtEventKind.Echo: Echo(atEvent, at); break;
            case AtEventKind.Final: Final(atEvent, at); break;
            case AtEventKind.Information: Information(atEvent, at); break;
            case AtEventKind.Urc: Unsolicited(atEvent, at); break;
            case AtEventKind.Overflow:
                _diagnostics.Report(DiagnosticCodes.LineTooLong, at.Line,
                    $"a line of {atEvent.Length} bytes starting '{_secrets.Mask(atEvent.Text)}' is longer than the frame limit; skipped");
                break;
            case AtEventKind.Noise when !_noiseSeen:
                _noiseSeen = true;
                _diagnostics.Report(DiagnosticCodes.Noise, at.Line, $"{atEvent.Length} byte(s) that form no line (first 0x{atEvent.Raw[0]:X2}); reported once");
                break;
        }
        if (atEvent.IsTruncated)
            _diagnostics.Report(DiagnosticCodes.Truncated, at.Line, $"the log ends inside '{_secrets.Mask(atEvent.Text)}'");
    }

    private void Echo(AtEvent echo, Stamp at)
    {
        if (echo.Command is null) return;
        if (_pending is { } lost && echo.Command != lost.Line)
            Unanswered(lost, $"the echo of the next command came first at line {at.Line}");
        if (_pending is null)
        {
            // Module output alone (no host side in the log): the echo is the only trace of the command.
            Start(echo.Command, at, new ParseResult<AtCommand>
            {
                Value = echo.Value as AtCommand, Deviations = echo.Deviations, Error = echo.Error, ErrorPosition = echo.ErrorPosition,
            });
            return;
        }
        if (echo.Text != echo.Command)
            _diagnostics.Report(DiagnosticCodes.EchoMismatch, at.Line, $"the echo '{_secrets.Mask(echo.Text)}' differs from the command sent at line {_pending.Sent.Line}");
    }

    private void Final(AtEvent final, Stamp at)
    {
        var text = final.Text;
        Deviations(final.Deviations, at);
        if (_pending is not { } pending)
        {
            _diagnostics.Report(DiagnosticCodes.FinalWithoutCommand, at.Line, $"{text} arrived while no command was waiting");
            return;
        }
        if (Finished(pending, text, final.Result == FinalResultKind.Ok, at)) return;
        if (final.Value is FinalResult { Error: { } error })
            _diagnostics.Report(DiagnosticCodes.CmeError, at.Line,
                $"{pending.Display} failed: +CME ERROR: {error.Code} means \"{error.Meaning}\" (manual §{error.Section})");
        else
            _diagnostics.Report(final.Result == FinalResultKind.CmeError ? DiagnosticCodes.CmeError : DiagnosticCodes.CommandError,
                at.Line, $"{pending.Display} failed: {text}");
    }

    /// <summary>Closes the pending command with its final result; true when it succeeded (an error is the caller's to explain).</summary>
    private bool Finished(PendingExchange pending, string final, bool ok, Stamp at)
    {
        _pending = null;
        var latency = at.MillisecondsSince(pending.Sent);
        if (_exchanges.Keeps()) _exchanges.Add(pending.Finish(final, latency));
        _statistics.AddExchange(pending.Key, ok, latency);
        if (ok)
        {
            _ok++;
            Accepted(pending, at);
            return true;
        }
        _errors++;
        return false;
    }

    /// <summary>The command got OK: what it starts waiting for, and how it moves the session.</summary>
    private void Accepted(PendingExchange pending, Stamp at)
    {
        // The cause is written only for the commands that move the session.
        string Cause() => $"{pending.Key.TrimEnd('=')} OK";
        switch (pending.Command)
        {
            case MqttCfg: _session.MoveTo(MqttState.Initialised, at, Cause()); break;
            case MqttDel: _session.MoveTo(MqttState.NotInitialised, at, Cause()); break;
            case MqttOpen when !_session.Reconnecting && !pending.OutcomeSeen: _session.MoveTo(MqttState.Connecting, at, Cause()); break;
        }
        // The URC that carries the command's outcome, unless it already came before the OK. Another family's
        // command of the same name (ESP-AT's AT+MQTTSUB) has outcomes of its own.
        if (pending.Command is { } command and not UnknownCommand && !pending.OutcomeSeen
            && ProtocolCatalog.OutcomeOf(pending.Line, (command as MqttPub)?.Qos ?? 0) is { } outcome)
            Expect(pending, outcome.Name);
        // Another family's outcome line (`+QMTOPEN: 0,0` after AT+QMTOPEN) answers it when it comes; that family is not checked.
        if (pending.Command is UnknownCommand { Family: not null } other && !pending.OutcomeSeen && ModuleFamilies.OutcomeOf(other.Text) is { } line)
            _familyFlows.Expect(new Awaited(pending.Sent.Line, line, pending.Display));
    }

    private void Expect(PendingExchange pending, string urc)
    {
        if (_flows.Expect(new Awaited(pending.Sent.Line, urc, pending.Display)) is { } dropped) Missing(dropped, "while too many were open");
    }

    private void Information(AtEvent information, Stamp at)
    {
        if (_pending is not { } pending) return;
        var text = _secrets.Mask(information.Text);
        if (pending.Information.Count < PendingExchange.MaxInformation) pending.Information.Add(text);
        if (ProtocolCatalog.DataResults.TryGetValue(information.Text, out var sent)) pending.DataResult = new DataResult(information.Text, sent, at);
        if (pending.Command is null or UnknownCommand) return;
        // In another family's log an answer the M5310-A cannot read is that family's: `+MQTTSUB:0,3,"t",1` (ESP-AT).
        if (information.Error is not null && _families.Count > 0) return;
        Understood(information, text, at);
        if (information.Value is MqttStatus status)
        {
            if (status.State == MqttState.Connected) _session.Connected(at, text);
            else _session.MoveTo(status.State, at, text);
        }
    }

    private void Unsolicited(AtEvent urcEvent, Stamp at)
    {
        var text = _secrets.Mask(urcEvent.Text);
        var name = urcEvent.Name ?? UrcName.Other;
        _urcCount++;
        _statistics.AddUrc(name);
        Understood(urcEvent, text, at);
        if (urcEvent.Value is null && ModuleFamilies.Sending(urcEvent.Text) is { } family) OtherFamily(family, Sender(urcEvent.Text), at);
        // The outcome of the pending command before its final result: it answers that command (docs/interpretation.md).
        if (urcEvent.Command is not null && _pending is { } pending)
        {
            pending.OutcomeSeen = true;
            _early = new Awaited(pending.Sent.Line, name, pending.Display);
        }
        var (answers, packetId) = urcEvent.Value is Urc urc ? Correlate(urc, text, at) : (_early?.Line ?? _familyFlows.Take(name)?.Line, (int?)null);
        _early = null;
        if (_urcs.Keeps()) _urcs.Add(new UrcEvent(at.Line, at.Time, name, text, answers, packetId));
    }

    /// <summary>The wait <paramref name="urc"/> satisfies: the pending command it answers early, else the oldest wait for it.</summary>
    private Awaited? Take(string urc) => _early ?? _flows.Take(urc);

    /// <summary>Matches a URC with what waits for it and moves the session; returns the line it answers and its packet id.</summary>
    private (long? Answers, int? PacketId) Correlate(Urc urc, string text, Stamp at)
    {
        switch (urc)
        {
            case MqttOpenResult open:
                var reconnecting = _session.Reconnecting;
                var opened = Take(open.Name);
                if (open.Ok) _session.Connected(at, text);
                else
                {
                    _diagnostics.Report(DiagnosticCodes.OpenFailed, at.Line, $"{text}{After(opened)}: the connection could not be made (manual §1.2)");
                    _session.MoveTo(MqttState.Disconnected, at, text);
                }
                return (opened is null && !reconnecting ? Unexpected(text, "AT+MQTTOPEN", at) : opened?.Line, null);
            case SubAck ack:
                var subscribe = Take(ack.Name);
                if (!ack.Granted) _diagnostics.Report(DiagnosticCodes.SubscribeRefused, at.Line, $"{text}{After(subscribe)}: the server refused the subscription");
                return (subscribe?.Line ?? Unexpected(text, "AT+MQTTSUB", at), ack.PacketId);
            case UnsubAck ack:
                return (Take(ack.Name)?.Line ?? Unexpected(text, "AT+MQTTUNSUB", at), ack.PacketId);
            case PubAck ack:
                return (Take(ack.Name)?.Line ?? Unexpected(text, "QoS 1 AT+MQTTPUB", at), ack.PacketId);
            case PubRec rec:
                var publish = Take(rec.Name);
                if (publish is null) return (Unexpected(text, "QoS 2 AT+MQTTPUB", at), rec.PacketId);
                Handshake(new Awaited(at.Line, ProtocolCatalog.FollowerOf(rec.Name), $"{text} (packet {rec.PacketId} of {publish.After})", true), rec.PacketId);
                return (publish.Line, rec.PacketId);
            case PubComp comp:
                return (_flows.Take(comp.Name, comp.PacketId)?.Line ?? Unexpected(text, $"+MQTTPUBREC of packet {comp.PacketId}", at), comp.PacketId);
            case MqttPublish incoming:
                if (incoming.Qos == 2)
                    Handshake(new Awaited(at.Line, ProtocolCatalog.FollowerOf(incoming.Name), $"the incoming QoS 2 {text} (packet {incoming.PacketId})", true), incoming.PacketId);
                return (null, incoming.PacketId);
            case PubRel rel:
                return (_flows.Take(rel.Name, rel.PacketId)?.Line ?? Unexpected(text, $"QoS 2 +MQTTPUBLISH of packet {rel.PacketId}", at), rel.PacketId);
            case MqttTimeout { Type: MqttTimeoutType.Ping }:
                _session.Trouble(at, text, attempt: false);
                return (null, null);
            case MqttTimeout timeout:
                var late = _flows.TakeOldest([.. ProtocolCatalog.AwaitedBy(timeout.Type)]);
                _diagnostics.Report(DiagnosticCodes.AckTimeout, at.Line, $"{text}: no {timeout.Type.ToString().ToLowerInvariant()} ACK from the server in time{After(late)} (manual §1.9)");
                return (late?.Line, null);
            case MqttReconnect:
                _session.Trouble(at, text, attempt: true);
                return (null, null);
            case MqttDisconnected:
                var requested = Take(urc.Name);
                if (requested is null) _session.Lost(at, text);
                else _session.MoveTo(MqttState.Disconnected, at, text);
                return (requested?.Line, null);
            default:
                return (null, null);
        }
    }

    private void Handshake(Awaited awaited, int packetId)
    {
        if (_flows.Expect(awaited, packetId) is { } dropped) Missing(dropped, $"before packet id {packetId} was used again");
    }

    private static string After(Awaited? awaited) => awaited is null ? "" : $" for {awaited.After} (line {awaited.Line})";

    private long? Unexpected(string text, string what, Stamp at)
    {
        _diagnostics.Report(DiagnosticCodes.UnexpectedUrc, at.Line, $"{text} answers nothing: no {what} was waiting for it");
        return null;
    }

    private void Missing(Awaited awaited, string when) =>
        _diagnostics.Report(awaited.IsHandshake ? DiagnosticCodes.HandshakeOpen : DiagnosticCodes.UrcMissing,
            awaited.Line, $"{awaited.Urc} never came for {awaited.After} {when}");

    private void Unanswered(PendingExchange pending, string why)
    {
        if (pending.DataResult is { } result)
        {
            // No OK after `SEND OK` (SIM800): the data's result is the command's final result.
            if (!Finished(pending, result.Text, result.Ok, result.At))
                _diagnostics.Report(DiagnosticCodes.CommandError, result.At.Line, $"{pending.Display} failed: {result.Text}");
            return;
        }
        _pending = null;
        _unanswered++;
        if (_exchanges.Keeps()) _exchanges.Add(pending.Finish(null, null));
        _statistics.AddExchange(pending.Key, null, null);
        _diagnostics.Report(DiagnosticCodes.NoFinalResult, pending.Sent.Line, $"{pending.Display} got no final result: {why}");
    }

    private void Understood(AtEvent atEvent, string text, Stamp at)
    {
        Deviations(atEvent.Deviations, at);
        if (atEvent.Error is { } error)
            _diagnostics.Report(DiagnosticCodes.UnreadableLine, at.Line, $"'{text}': {_secrets.Mask(error)}{Position(atEvent.ErrorPosition)}");
    }

    // Built only for a line of another family: a lambda over the hot path's parameters would cost a closure per line.
    private static Func<ModuleFamily, bool> Owner(string line) => f => f.Owns(CommandLine.Parse(line)!);
    private static Func<ModuleFamily, bool> Sender(string line) => f => f.Sends(line);

    /// <summary>One note per family: the other vendor's commands are timed, not checked against the M5310-A manual.</summary>
    /// <param name="family">The family the line belongs to.</param>
    /// <param name="claims">Whether a family claims the line: one written alike by two goes to the one already noted.</param>
    /// <param name="at">Where the line is.</param>
    private void OtherFamily(ModuleFamily family, Func<ModuleFamily, bool> claims, Stamp at)
    {
        if (_families.Any(claims)) return;
        _families.Add(family);
        _diagnostics.Report(DiagnosticCodes.OtherFamily, at.Line, $"commands of another module family: {family.Name}; their exchanges are timed, not checked against the M5310-A manual");
    }

    private void Deviations(IReadOnlyList<Deviation> deviations, Stamp at)
    {
        foreach (var deviation in deviations)
        {
            if (_deviationsSeen.Add(deviation.Code))
                _diagnostics.Report(DiagnosticCodes.Deviation, at.Line, $"{deviation.Code} (manual §{deviation.Section}): {_secrets.Mask(deviation.Message)}; reported once");
        }
    }

    private static string Position(int position) => position >= 0 ? $" (at character {position + 1})" : "";
}
