using System.Globalization;
using System.Text;
using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Statistics;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Errors;
using Conformance.Protocol.Families;
using Conformance.Protocol.Framing;
using Conformance.Protocol.Interpretation;
using Conformance.Protocol.OneNet;
using Conformance.Protocol.Responses;
using Conformance.Protocol.Syntax;

namespace Conformance.Analyzer.Timeline;

/// <summary>
/// Builds the <see cref="Analysis"/> of a log, streaming: feed records one at a time with <see cref="Add"/>, then
/// call <see cref="Complete"/>. Only open state (the pending command, awaited URCs, the session) and the first
/// <see cref="AnalysisOptions.MaxStoredItems"/> items of each list are kept, so memory stays bounded.
/// </summary>
public sealed class TimelineBuilder
{
    private const int DefaultAckTimeout = 10;   // seconds, manual §1.9

    private readonly AnalysisOptions _options;
    private readonly AtTokenizer _tokenizer = new(new AtTokenizerOptions { CommandsKnown = true });
    private readonly OffsetMap _offsets = new();
    private readonly HostLines _host = new();
    private readonly OpenFlows _flows;
    private readonly Session _session;
    private readonly Secrets _secrets;
    private readonly StatisticsBuilder _statistics = new();
    private readonly CappedList<Exchange> _exchanges;
    private readonly CappedList<UrcEvent> _urcs;
    private readonly DiagnosticLog _diagnostics;
    private readonly CappedList<StateChange> _changes;
    private readonly CappedList<Reconnection> _reconnections;
    private readonly CappedList<PublishedDataPoints> _dataPoints;
    private readonly UrcMeanings _urcMeanings = new();
    private readonly HashSet<string> _deviationsSeen = new(StringComparer.Ordinal);
    private readonly List<ModuleFamily> _families = [];

    private PendingExchange? _pending;
    private DateTimeOffset? _firstTime;
    private Stamp _last;
    private long _commands, _ok, _errors, _unanswered, _urcCount;
    private bool _unknownDirectionSeen, _noiseSeen, _completed;
    private int? _keepAlive;
    private int _ackTimeout = DefaultAckTimeout;
    private bool _ackTimeoutSet;

    public TimelineBuilder(AnalysisOptions? options = null)
    {
        _options = options ?? new AnalysisOptions();
        if (_options.MaxStoredItems < 1)
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxStoredItems, "MaxStoredItems must be at least 1");
        var cap = _options.MaxStoredItems;
        (_exchanges, _urcs, _diagnostics, _changes, _reconnections, _dataPoints) = (new(cap), new(cap), new(cap), new(cap), new(cap), new(cap));
        _flows = new OpenFlows(cap);
        _secrets = new Secrets(_options.ShowSecrets);
        _session = new Session(_changes, _reconnections, _statistics, _diagnostics);
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
        _offsets.Add(_tokenizer.Position, stamp, record.SpansLines ? record.Data : null);
        ReadOnlySpan<byte> input = record.Data;
        while (_tokenizer.TryRead(ref input, out var frame)) Handle(frame);
    }

    /// <summary>Ends the log: what is still open becomes a diagnostic, and the analysis is returned.</summary>
    public Analysis Complete()
    {
        if (!_completed)
        {
            _completed = true;
            ReadOnlySpan<byte> rest = default;
            while (_tokenizer.TryRead(ref rest, out var frame, isFinalBlock: true)) Handle(frame);
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
        if (_pending is { } old) Unanswered(old, $"the next command was sent at line {at.Line} first");
        _commands++;
        var parsed = AtCommandParser.Parse(line);
        var display = _secrets.Command(line, parsed.Value);
        _pending = new PendingExchange(at, display, line, parsed.Value);
        _tokenizer.CommandSent(Encoding.UTF8.GetBytes(line));

        if (parsed.Value is UnknownCommand { Family: { } family }) OtherFamily(family, f => f.Owns(CommandLine.Parse(line)!), at);
        var payloadReported = CheckPayload(line, parsed.Value, at);
        if (parsed.Value is not { } command)
        {
            if (!payloadReported)
                _diagnostics.Report(DiagnosticCodes.UnreadableLine, at.Line,
                    $"{display}: {_secrets.Scrub(parsed.Error ?? "unreadable")}{Position(parsed.ErrorPosition)}");
            return;
        }
        Deviations(parsed.Deviations, at);
        CheckOrder(command, display, at);
    }

    private void Handle(in AtFrame frame)
    {
        var at = _offsets.At(frame.Offset);
        if (_pending is null && frame.Kind is FrameKind.Urc or FrameKind.Info or FrameKind.Echo && IsCommandLine(frame.Text))
        {
            // Module output alone (no host side in the log): the echo is the only trace of the command.
            Send(Text(frame.Text), at);
            return;
        }
        switch (frame.Kind)
        {
            case FrameKind.Final: Final(frame, at); break;
            case FrameKind.Info: Information(frame, at); break;
            case FrameKind.Urc: Unsolicited(frame, at); break;
            case FrameKind.Overflow:
                _diagnostics.Report(DiagnosticCodes.LineTooLong, at.Line,
                    $"a line of {frame.Length} bytes starting '{Text(frame.Text)}' is longer than the frame limit; skipped");
                break;
            case FrameKind.Noise when !_noiseSeen:
                _noiseSeen = true;
                _diagnostics.Report(DiagnosticCodes.Noise, at.Line, $"{frame.Length} byte(s) that form no line (first 0x{frame.Text[0]:X2}); reported once");
                break;
        }
        if (frame.IsTruncated)
            _diagnostics.Report(DiagnosticCodes.Truncated, at.Line, $"the log ends inside '{Text(frame.Text)}'");
    }

    private static bool IsCommandLine(ReadOnlySpan<byte> line) => line.Length >= 2 && (line[0] | 0x20) == 'a' && (line[1] | 0x20) == 't';

    private void Final(in AtFrame frame, Stamp at)
    {
        var text = Text(frame.Text);
        // A bare OK carries nothing to interpret: no deviation, no error code.
        var meaning = frame.Result == FinalResultCode.Ok ? null : FrameInterpreter.Interpret(frame, text);
        if (meaning is not null) Deviations(meaning.Deviations, at);
        if (_pending is not { } pending)
        {
            _diagnostics.Report(DiagnosticCodes.FinalWithoutCommand, at.Line, $"{text} arrived while no command was waiting");
            return;
        }
        _pending = null;
        var latency = at.MillisecondsSince(pending.Sent);
        var ok = frame.Result == FinalResultCode.Ok;
        if (_exchanges.Keeps()) _exchanges.Add(pending.Finish(text, latency));
        _statistics.AddExchange(pending.Key, ok, latency);
        if (ok)
        {
            _ok++;
            Accepted(pending, at);
            return;
        }
        _errors++;
        if (meaning?.Value is FinalResult { Error: { } error })
            _diagnostics.Report(DiagnosticCodes.CmeError, at.Line,
                $"{pending.Display} failed: +CME ERROR: {error.Code} means \"{error.Meaning}\" (manual §{error.Section})");
        else
            _diagnostics.Report(frame.Result == FinalResultCode.CmeError ? DiagnosticCodes.CmeError : DiagnosticCodes.CommandError,
                at.Line, $"{pending.Display} failed: {text}");
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
            case MqttOpen:
                if (!_session.Reconnecting) _session.MoveTo(MqttState.Connecting, at, Cause());
                Expect(pending, "+MQTTOPEN");
                break;
            case MqttSub: Expect(pending, "+MQTTSUBACK"); break;
            case MqttUnsub: Expect(pending, "+MQTTUNSUBACK"); break;
            case MqttPub { Qos: 1 }: Expect(pending, "+MQTTPUBACK"); break;
            case MqttPub { Qos: 2 }: Expect(pending, "+MQTTPUBREC"); break;
            case MqttDisc: Expect(pending, "+MQTTDISC"); break;
        }
    }

    private void Expect(PendingExchange pending, string urc)
    {
        if (_flows.Expect(new Awaited(pending.Sent.Line, urc, pending.Display)) is { } dropped) Missing(dropped, "while too many were open");
    }

    private void Information(in AtFrame frame, Stamp at)
    {
        if (_pending is not { } pending) return;
        var received = Text(frame.Text);
        var text = _secrets.Scrub(received);
        if (pending.Information.Count == 0 && text.StartsWith("AT", StringComparison.OrdinalIgnoreCase))
        {
            _diagnostics.Report(DiagnosticCodes.EchoMismatch, at.Line, $"the echo '{text}' differs from the command sent at line {pending.Sent.Line}");
            return;
        }
        if (pending.Information.Count < PendingExchange.MaxInformation) pending.Information.Add(text);
        if (pending.Command is null or UnknownCommand) return;
        var meaning = FrameInterpreter.Interpret(frame, received, pending.Name);
        // In another family's log an answer the M5310-A cannot read is that family's: `+MQTTSUB:0,3,"t",1` (ESP-AT).
        if (meaning.Error is not null && _families.Count > 0) return;
        Understood(meaning, text, at);
        if (meaning.Value is MqttStatus status)
        {
            if (status.State == MqttState.Connected) _session.Connected(at, text);
            else _session.MoveTo(status.State, at, text);
        }
    }

    private void Unsolicited(in AtFrame frame, Stamp at)
    {
        var received = Text(frame.Text);
        var text = _secrets.Scrub(received);
        var name = UrcName.Of(frame.Text);
        _urcCount++;
        _statistics.AddUrc(name);
        var meaning = _urcMeanings.Of(frame, received);
        Understood(meaning, text, at);
        if (meaning.Value is null && ModuleFamilies.Sending(received) is { } family) OtherFamily(family, f => f.Sends(received), at);
        var (answers, packetId) = meaning.Value is Urc urc ? Correlate(urc, text, at) : (null, null);
        if (_urcs.Keeps()) _urcs.Add(new UrcEvent(at.Line, at.Time, name, text, answers, packetId));
    }

    /// <summary>Matches a URC with what waits for it and moves the session; returns the line it answers and its packet id.</summary>
    private (long? Answers, int? PacketId) Correlate(Urc urc, string text, Stamp at)
    {
        switch (urc)
        {
            case MqttOpenResult open:
                var reconnecting = _session.Reconnecting;
                var opened = _flows.Take("+MQTTOPEN");
                if (open.Ok) _session.Connected(at, text);
                else
                {
                    _diagnostics.Report(DiagnosticCodes.OpenFailed, at.Line, $"{text}{After(opened)}: the connection could not be made (manual §1.2)");
                    _session.MoveTo(MqttState.Disconnected, at, text);
                }
                return (opened is null && !reconnecting ? Unexpected(text, "AT+MQTTOPEN", at) : opened?.Line, null);
            case SubAck ack:
                var subscribe = _flows.Take("+MQTTSUBACK");
                if (!ack.Granted) _diagnostics.Report(DiagnosticCodes.SubscribeRefused, at.Line, $"{text}{After(subscribe)}: the server refused the subscription");
                return (subscribe?.Line ?? Unexpected(text, "AT+MQTTSUB", at), ack.PacketId);
            case UnsubAck ack:
                return (_flows.Take("+MQTTUNSUBACK")?.Line ?? Unexpected(text, "AT+MQTTUNSUB", at), ack.PacketId);
            case PubAck ack:
                return (_flows.Take("+MQTTPUBACK")?.Line ?? Unexpected(text, "QoS 1 AT+MQTTPUB", at), ack.PacketId);
            case PubRec rec:
                var publish = _flows.Take("+MQTTPUBREC");
                if (publish is null) return (Unexpected(text, "QoS 2 AT+MQTTPUB", at), rec.PacketId);
                Handshake(new Awaited(at.Line, "+MQTTPUBCOMP", $"{text} (packet {rec.PacketId} of {publish.After})", true), rec.PacketId);
                return (publish.Line, rec.PacketId);
            case PubComp comp:
                return (_flows.Take("+MQTTPUBCOMP", comp.PacketId)?.Line ?? Unexpected(text, $"+MQTTPUBREC of packet {comp.PacketId}", at), comp.PacketId);
            case MqttPublish incoming:
                if (incoming.Qos == 2)
                    Handshake(new Awaited(at.Line, "+MQTTPUBREL", $"the incoming QoS 2 {text} (packet {incoming.PacketId})", true), incoming.PacketId);
                return (null, incoming.PacketId);
            case PubRel rel:
                return (_flows.Take("+MQTTPUBREL", rel.PacketId)?.Line ?? Unexpected(text, $"QoS 2 +MQTTPUBLISH of packet {rel.PacketId}", at), rel.PacketId);
            case MqttTimeout { Type: MqttTimeoutType.Ping }:
                _session.Trouble(at, text, attempt: false);
                return (null, null);
            case MqttTimeout timeout:
                var late = _flows.TakeOldest(Awaiting(timeout.Type));
                _diagnostics.Report(DiagnosticCodes.AckTimeout, at.Line, $"{text}: no {timeout.Type.ToString().ToLowerInvariant()} ACK from the server in time{After(late)} (manual §1.9)");
                return (late?.Line, null);
            case MqttReconnect:
                _session.Trouble(at, text, attempt: true);
                return (null, null);
            case MqttDisconnected:
                var requested = _flows.Take("+MQTTDISC");
                if (requested is null) _session.Lost(at, text);
                else _session.MoveTo(MqttState.Disconnected, at, text);
                return (requested?.Line, null);
            default:
                return (null, null);
        }
    }

    private static string[] Awaiting(MqttTimeoutType type) => type switch
    {
        MqttTimeoutType.Connect => ["+MQTTOPEN"],
        MqttTimeoutType.Publish => ["+MQTTPUBACK", "+MQTTPUBREC"],
        MqttTimeoutType.Subscribe => ["+MQTTSUBACK"],
        MqttTimeoutType.Unsubscribe => ["+MQTTUNSUBACK"],
        _ => [],
    };

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
        _pending = null;
        _unanswered++;
        if (_exchanges.Keeps()) _exchanges.Add(pending.Finish(null, null));
        _statistics.AddExchange(pending.Key, null, null);
        _diagnostics.Report(DiagnosticCodes.NoFinalResult, pending.Sent.Line, $"{pending.Display} got no final result: {why}");
    }

    /// <summary>Order rules of the manual: CFG before OPEN before the rest, one CFG per DEL, keepAlive above the ACK timeout.</summary>
    private void CheckOrder(AtCommand command, string display, Stamp at)
    {
        var state = _session.State;
        switch (command)
        {
            case MqttCfg cfg:
                if (state is not null and not MqttState.NotInitialised)
                    _diagnostics.Report(DiagnosticCodes.CfgWithoutDel, at.Line, $"AT+MQTTCFG again in state {Describe(state)} without AT+MQTTDEL first (manual §1.1)");
                _keepAlive = cfg.KeepAlive;
                CheckKeepAlive(at);
                break;
            case MqttTo to:
                _ackTimeout = to.TimeoutSeconds;
                _ackTimeoutSet = true;
                if (_keepAlive is not null) CheckKeepAlive(at);
                break;
            case MqttOpen when state is MqttState.NotInitialised:
                _diagnostics.Report(DiagnosticCodes.OutOfOrder, at.Line, "AT+MQTTOPEN before AT+MQTTCFG: no client instance exists (manual §1.2)");
                break;
            case MqttOpen when state is MqttState.Connected:
                _diagnostics.Report(DiagnosticCodes.OutOfOrder, at.Line, "AT+MQTTOPEN while already connected");
                break;
            case MqttSub or MqttUnsub or MqttPub or MqttPing when state is not null and not MqttState.Connected:
                _diagnostics.Report(DiagnosticCodes.OutOfOrder, at.Line, $"{CommandText.Key(display).TrimEnd('=')} in state {Describe(state)}: it needs +MQTTOPEN: OK first");
                break;
        }
    }

    private void CheckKeepAlive(Stamp at)
    {
        if (_keepAlive is not { } keepAlive || keepAlive >= _ackTimeout) return;
        var source = _ackTimeoutSet ? "the AT+MQTTTO timeout" : "the default AT+MQTTTO timeout";
        _diagnostics.Report(DiagnosticCodes.KeepAliveBelowTimeout, at.Line,
            $"keepAlive {keepAlive} s is smaller than {source} of {_ackTimeout} s: a lost connection can go undetected by PINGREQ (manual §1.1)");
    }

    /// <summary>One note per family: the other vendor's commands are timed, not checked against the manual.</summary>
    /// <param name="family">The family the line belongs to.</param>
    /// <param name="claims">Whether a family claims the line: one written alike by two goes to the one already noted.</param>
    /// <param name="at">Where the line is.</param>
    private void OtherFamily(ModuleFamily family, Func<ModuleFamily, bool> claims, Stamp at)
    {
        if (_families.Any(claims)) return;
        _families.Add(family);
        _diagnostics.Report(DiagnosticCodes.OtherFamily, at.Line, $"commands of another module family: {family.Name}; their exchanges are timed, not checked against the M5310-A manual");
    }

    /// <summary>Checks the hex message of an <c>AT+MQTTPUB</c> and decodes <c>$dp</c> data points; true when it reported a fault.</summary>
    private bool CheckPayload(string line, AtCommand? command, Stamp at)
    {
        if (command is UnknownCommand || CommandLine.Parse(line) is not { Name: "+MQTTPUB", Form: CommandForm.Set } syntax) return false;
        var fields = syntax.Split(6, out var error, out _);
        if (error is not null || fields.Count < 6
            || !int.TryParse(fields[4].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length == 0) return false;

        var hex = DpHex.Parse(fields[5].Value.Trim());
        if (hex.Value is not { } bytes)
        {
            _diagnostics.Report(DiagnosticCodes.DpBadHex, at.Line, $"the hex message of AT+MQTTPUB (message_len {length}): {hex.Error}");
            return true;
        }
        var reported = false;
        if (bytes.Length != length)
        {
            _diagnostics.Report(DiagnosticCodes.MessageLengthMismatch, at.Line, $"message_len is {length}, but the hex message encodes {bytes.Length} bytes (manual §1.5)");
            reported = true;
        }
        if (fields[0].Value != "$dp") return reported;
        var payload = DpDecoder.Decode(bytes);
        if (payload.Value is { } dp) _dataPoints.Add(new PublishedDataPoints(at.Line, at.Time, dp.Type, dp.DataPoints));
        else
        {
            _diagnostics.Report(DiagnosticCodes.DpMalformed, at.Line, $"$dp payload: {payload.Error}");
            reported = true;
        }
        return reported;
    }

    private void Understood(Interpretation meaning, string text, Stamp at)
    {
        Deviations(meaning.Deviations, at);
        if (meaning.Error is { } error)
            _diagnostics.Report(DiagnosticCodes.UnreadableLine, at.Line, $"'{text}': {_secrets.Scrub(error)}{Position(meaning.ErrorPosition)}");
    }

    private void Deviations(IReadOnlyList<Deviation> deviations, Stamp at)
    {
        foreach (var deviation in deviations)
        {
            if (_deviationsSeen.Add(deviation.Code))
                _diagnostics.Report(DiagnosticCodes.Deviation, at.Line, $"{deviation.Code} (manual §{deviation.Section}): {_secrets.Scrub(deviation.Message)}; reported once");
        }
    }


    private static string Position(int position) => position >= 0 ? $" (at character {position + 1})" : "";

    private static string Describe(MqttState? state) => state is { } s ? $"{(int)s} ({s})" : "unknown";

    private static string Text(ReadOnlySpan<byte> bytes) => bytes.SequenceEqual("OK"u8) ? "OK" : Encoding.UTF8.GetString(bytes);
}
