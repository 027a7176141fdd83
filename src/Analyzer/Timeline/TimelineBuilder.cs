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
/// Builds the <see cref="Analysis"/> of a log, streaming: feed records one at a time with <see cref="Add(LogRecord)"/>, then
/// call <see cref="Complete"/>. Only open state (the pending command, awaited URCs, the session) and the first
/// <see cref="AnalysisOptions.MaxStoredItems"/> items of each list are kept, so memory stays bounded.
/// </summary>
/// <remarks>
/// A dispatcher: it reads the module's events and the host's lines, and hands each to <see cref="Correlation"/>
/// (what answers what), <see cref="SessionTracker"/> (the MQTT session) and the rules in <c>Rules/</c>, each of
/// which owns its diagnostic codes (<see cref="ICodeOwner"/>).
/// </remarks>
public sealed class TimelineBuilder : IRecordSink
{
    private readonly AnalysisOptions _options;
    private readonly AtEventReader _events;
    private readonly OffsetMap _offsets = new();
    private readonly HostLines _host = new();
    private readonly List<(string Line, Stamp Stamp)> _sent = [];
    private readonly CommandReadings _commands = new();
    private readonly CommandKeys _keys = new();
    private readonly SecretMasker _secrets;
    // The log's lines in the log's order, both sides: a secret one line leaves open (a quote a terminal broke) is
    // masked at the start of the next, whichever side wrote it.
    private readonly SecretStream _lines;
    private readonly StatisticsBuilder _statistics = new();
    private readonly KeptText _kept = new();
    private readonly CappedList<Exchange> _exchanges;
    private readonly CappedList<UrcEvent> _urcs;
    private readonly DiagnosticLog _diagnostics;
    private readonly CappedList<StateChange> _changes;
    private readonly CappedList<Reconnection> _reconnections;
    private readonly CappedList<PublishedDataPoints> _dataPoints;
    private readonly Correlation _correlation;
    private readonly SessionTracker _session;
    private readonly OrderRule _order;
    private readonly KeepAliveRule _keepAlive;
    private readonly PayloadRule _payload;
    private readonly CommandErrorRule _commandErrors;
    private readonly RefusalRule _refusals;
    private readonly RegistrationRule _registration;
    private readonly AckTimeoutRule _ackTimeouts;
    private readonly EchoRule _echo;
    private readonly AnswerShapeRule _answers;
    private readonly DeviationRule _deviations;
    private readonly FamilyRule _families;
    private readonly FramingRule _framing;
    private readonly GarbledRule _garbled;
    private readonly DirectionRule _direction;
    private readonly UnreadableRule _unreadable;
    private readonly ClockRule _clock;
    private readonly SplitLineRule _split;
    private readonly HexRowRule _hexRows;
    private readonly OneSideRule _sides;
    private readonly LineEndRule _lineEnds;
    private readonly SubscriptionRule _subscriptions;
    private readonly Radio _radio = new();

    // Set by a restart banner until the next command: the boot's own lines (Neul, OK) after it belong to the boot.
    private bool _booting;
    private string? _lastCommand;   // the restart it may ask for is no fault
    private DateTimeOffset? _firstTime;
    private Stamp _last;
    private bool _fine;   // a stamp with a fraction of a second came: whole seconds from then on are chance (Stamp.Fine)
    private bool _completed;

    /// <summary>Every event read from the module's output, in order, as it is read.</summary>
    public event Action<AtEvent>? EventRead;

    public TimelineBuilder(AnalysisOptions? options = null)
    {
        _options = options ?? new AnalysisOptions();
        // This tool's own trace writes every time to the microsecond (a virtual clock's too, which may sit on whole seconds).
        _fine = _options.Format == LogFormat.Trace;
        if (_options.MaxStoredItems < 1)
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxStoredItems, "MaxStoredItems must be at least 1");
        var cap = _options.MaxStoredItems;
        var sink = _options.Sink;
        (_exchanges, _urcs, _diagnostics) = (new(cap, sink is null ? null : sink.Exchange), new(cap, sink is null ? null : sink.Urc), new(cap, sink is null ? null : sink.Diagnostic, _kept));
        (_changes, _reconnections, _dataPoints) = (new(cap, sink is null ? null : sink.StateChange), new(cap, sink is null ? null : sink.Reconnection), new(cap, sink is null ? null : sink.DataPoints));
        _secrets = new SecretMasker(show: _options.ShowSecrets);
        _lines = _secrets.Stream();
        _correlation = new Correlation(cap, _exchanges, _statistics, _diagnostics, _kept);
        _session = new SessionTracker(_changes, _reconnections, _statistics, _diagnostics, _radio);
        (_order, _keepAlive, _payload) = (new OrderRule(_diagnostics), new KeepAliveRule(_diagnostics), new PayloadRule(_diagnostics, _dataPoints, _secrets));
        (_commandErrors, _refusals, _ackTimeouts) = (new CommandErrorRule(_diagnostics), new RefusalRule(_diagnostics, _radio), new AckTimeoutRule(_diagnostics, _radio));
        _registration = new RegistrationRule(_diagnostics, _radio);
        (_echo, _deviations, _families) = (new EchoRule(_diagnostics, _secrets), new DeviationRule(_diagnostics, _secrets), new FamilyRule(_diagnostics));
        (_framing, _direction, _unreadable) = (new FramingRule(_diagnostics, _secrets), new DirectionRule(_diagnostics), new UnreadableRule(_diagnostics, _secrets));
        (_clock, _garbled) = (new ClockRule(_diagnostics), new GarbledRule(_diagnostics, _secrets));
        (_split, _sides) = (new SplitLineRule(_diagnostics), new OneSideRule(_diagnostics));
        _lineEnds = new LineEndRule(_diagnostics, _options.Format);
        _subscriptions = new SubscriptionRule(_diagnostics, _secrets);
        _answers = new AnswerShapeRule(_diagnostics, _secrets);
        _hexRows = new HexRowRule(_diagnostics, _secrets);
        // Line ends are read only where the rule judges them: elsewhere they are the terminal's, and reading them costs.
        _events = new AtEventReader(new AtTokenizerOptions { CommandsKnown = true, ReadsLineEnds = _lineEnds.Judges });
    }

    /// <summary>Analyses a whole log.</summary>
    public static Analysis Analyze(IEnumerable<LogRecord> records, AnalysisOptions? options = null)
    {
        var builder = new TimelineBuilder(options);
        foreach (var record in records) builder.Add(record);
        return builder.Complete();
    }

    /// <summary>Analyses a whole log, its records lent in place where its format allows (<see cref="LogSource.Read(IRecordSink)"/>).</summary>
    public static Analysis Analyze(LogSource source, AnalysisOptions? options = null)
    {
        var builder = new TimelineBuilder((options ?? new AnalysisOptions()) with { Format = source.Format });
        source.Read(builder);
        return builder.Complete();
    }

    /// <summary>
    /// Analyses each module of a log of several (<see cref="LogSource.Channels"/>) as a log of its own, a timeline per
    /// channel fed only that channel's records in order; with <paramref name="only"/>, that channel alone. The analyses
    /// come in the order their channels first appear; <paramref name="channels"/> names every channel of the log.
    /// </summary>
    /// <remarks>The channels are read at once, so <see cref="AnalysisOptions.Sink"/> is not told of their items.</remarks>
    public static IReadOnlyList<Analysis> AnalyzeChannels(LogSource source, AnalysisOptions? options, string? only, out IReadOnlyList<string> channels) =>
        AnalyzeChannels(sinkFor => source.ReadChannels(sinkFor, only), (options ?? new AnalysisOptions()) with { Format = source.Format }, _ => null, out channels);

    /// <summary>
    /// As <see cref="AnalyzeChannels(LogSource, AnalysisOptions?, string?, out IReadOnlyList{string})"/>, a log still being
    /// written (<c>analyze --follow</c>): each channel's items told, as they are made, to the sink <paramref name="sinkFor"/>
    /// gives for it (a live timeline naming the device), from the channel's own thread; <paramref name="appeared"/> is told
    /// each channel's name as it first comes.
    /// </summary>
    public static IReadOnlyList<Analysis> AnalyzeChannels(LiveLog log, AnalysisOptions? options, Func<string, ITimelineSink> sinkFor, string? only,
        out IReadOnlyList<string> channels, Action<string>? appeared = null) =>
        AnalyzeChannels(each => log.ReadChannels(each, only, appeared), (options ?? new AnalysisOptions()) with { Format = log.Format }, sinkFor, out channels);

    private static IReadOnlyList<Analysis> AnalyzeChannels(Func<Func<string, IRecordSink>, IReadOnlyList<string>> read, AnalysisOptions each,
        Func<string, ITimelineSink?> sinkFor, out IReadOnlyList<string> channels)
    {
        var builders = new Dictionary<string, TimelineBuilder>(StringComparer.Ordinal);
        channels = read(name => builders[name] = new TimelineBuilder(each with { Sink = sinkFor(name) }));
        return [.. channels.Where(builders.ContainsKey).Select(name => builders[name].Complete() with { Channel = name })];
    }

    /// <summary>Takes the next record of the log.</summary>
    public void Add(LogRecord record) => Add(record.View);

    /// <summary>Takes the next record of the log, lent for this call.</summary>
    public void Add(in RecordView record)
    {
        if (_completed) throw new InvalidOperationException("Complete() was called: the analysis is finished");
        _firstTime ??= record.Time;
        var clock = record.SinceStart ?? record.Time - _firstTime;
        _fine |= !record.TimeInherited && (record.Time is not null || record.SinceStart is not null) && !Stamp.IsWholeSecond(record.Time, record.SinceStart);
        var stamp = new Stamp(record.Line, record.Time, clock, record.TimeInherited, _fine);
        var before = _last;
        _last = stamp;
        if (_clock.Read(in stamp, record.StampNotATime)) _session.TimeWentBack(before, stamp);
        if (record.Rejoined) _split.Rejoined(stamp);
        if (record.NotHex is { } notHex) _hexRows.Read(notHex);
        _lineEnds.Saw(record.Data);
        if (record.Direction == LogDirection.ToModule)
        {
            _host.Add(record.Data, stamp, _sent);
            foreach (var (line, sent) in _sent) Send(line, sent);
            return;
        }
        _direction.Read(record);
        if (!_sides.ModuleSpoke) foreach (var (line, reason) in _sides.Module(record.Data)) _correlation.ReportUnanswered(line, reason);
        if (record.SpansLines) _offsets.Add(_events.Position, stamp, record.Data);
        else _offsets.Add(_events.Position, stamp);
        ReadEvents(record.Data, isFinalBlock: false);
    }

    private void ReadEvents(ReadOnlySpan<byte> input, bool isFinalBlock)
    {
        // The timeline keeps an event's parts, never the event: lent, unless someone listens who may keep it.
        _events.LendsEvents = EventRead is null;
        while (_events.TryRead(ref input, out var atEvent, isFinalBlock)) Handle(atEvent);
    }

    /// <summary>Ends the log: what is still open becomes a diagnostic, and the analysis is returned.</summary>
    public Analysis Complete()
    {
        if (!_completed)
        {
            _completed = true;
            ReadEvents(default, isFinalBlock: true);
            if (_host.Flush() is var (line, sent)) Send(line, sent);
            if (_correlation.Pending is { } pending) GiveUp(pending, "the log ended first");
            _correlation.Complete();
            _sides.Complete(_correlation.Commands);
            _lineEnds.Complete();
            _garbled.Complete();
            _subscriptions.Complete();
            _session.Finish(_last);
        }
        var omitted = _exchanges.Omitted + _urcs.Omitted + _diagnostics.Omitted + _changes.Omitted + _reconnections.Omitted + _dataPoints.Omitted;
        var c = _correlation;
        return new Analysis(
            new Summary(c.Commands, c.Ok, c.Errors, c.Unanswered, c.Urcs, _session.Episodes, _diagnostics.Count, omitted),
            _exchanges.Items, _urcs.Items, _diagnostics.Kept, _changes.Items, _reconnections.Items, _dataPoints.Items,
            _statistics.Build(_diagnostics.Counts()));
    }

    private void Send(string line, Stamp at)
    {
        // After a prompt the host sends raw data until the final result: not a command.
        if (_events.AwaitingData) return;
        if (_correlation.Pending is { } old)
        {
            // The same command again, before its answer: the host's retry, its first try given up by the host itself.
            if (old.Line == line) GiveUp(old, Correlation.Retry(old, at));
            else GiveUp(old, $"the next command was sent at line {at.Line} first");
        }
        _events.CommandSent(line);
        Start(line, at);
    }

    /// <summary>A command begins: sent by the host, or seen only in its echo (already parsed then).</summary>
    private void Start(string line, Stamp at, ParseResult<AtCommand>? parsed = null)
    {
        parsed ??= _commands.Of(line);
        // A command, sent or seen only in its echo, ends the boot.
        (_lastCommand, _booting) = (line, false);
        var display = _lines.MaskLine(line);
        _correlation.Start(at, display, _keys.Of(display), line, parsed.Value);
        _answers.Sent(parsed.Value, display, at);

        if (parsed.Value is UnknownCommand { Family: { } family }) _families.Sent(family, line, at);
        var payloadReported = parsed.Value is not UnknownCommand && _payload.Sent(line, parsed.Value, at);
        if (parsed.Value is not { } command)
        {
            if (!payloadReported) _unreadable.Sent(display, parsed.Error, parsed.ErrorPosition, at);
            return;
        }
        _deviations.Check(parsed.Deviations, at);
        _order.Sent(command, display, _session.State, at);
        _keepAlive.Sent(command, at);
        _subscriptions.Sent(command, at);
    }

    private void Handle(AtEvent atEvent)
    {
        EventRead?.Invoke(atEvent);
        _lineEnds.Read(atEvent, _offsets);
        var at = _offsets.At(atEvent.Offset);
        switch (atEvent.Kind)
        {
            case AtEventKind.Echo: Echo(atEvent, at); break;
            case AtEventKind.Final: Final(atEvent, at); break;
            case AtEventKind.Information: Information(atEvent, at); break;
            case AtEventKind.Urc: Unsolicited(atEvent, at); break;
        }
        _framing.Read(atEvent, at);
        _garbled.Read(atEvent, at);
    }

    private void Echo(AtEvent echo, Stamp at)
    {
        if (echo.Command is null) return;
        if (_correlation.Pending is { } lost && echo.Command != lost.Line)
            GiveUp(lost, $"the echo of the next command came first at line {at.Line}");
        if (_correlation.Pending is not { } pending)
        {
            // Module output alone (no host side in the log): the echo is the only trace of the command.
            Start(echo.Command, at, new ParseResult<AtCommand>
            {
                Value = echo.Value as AtCommand, Deviations = echo.Deviations, Error = echo.Error, ErrorPosition = echo.ErrorPosition,
            });
            return;
        }
        _echo.Echoed(echo.Text, echo.Command, pending.Sent, at);
    }

    private void Final(AtEvent final, Stamp at)
    {
        _deviations.Check(final.Deviations, at);
        if (_booting && _correlation.Pending is null) return;   // the boot's own OK (Neul, OK)
        if (_correlation.Final(final.Text, at) is { } pending)
            Finish(pending, final.Text, final.Result == FinalResultKind.Ok, at, final.Result, final.Value as FinalResult);
    }

    /// <summary>Closes the pending command with its final result: an OK moves the session and awaits the outcome, an error is explained.</summary>
    private void Finish(PendingExchange pending, string final, bool ok, Stamp at, FinalResultKind? kind, FinalResult? value)
    {
        _correlation.Finish(pending, final, ok, at);
        if (ok)
        {
            _session.Accepted(pending, at);
            _subscriptions.Accepted(pending);
            _correlation.Accepted(pending);
        }
        else _commandErrors.Failed(pending.Display, final, kind, value, at, (pending.Command as UnknownCommand)?.Family, pending.Information);
    }

    /// <summary>The pending command gets no final result; the result of data it sent stands for one (SIM800's <c>SEND OK</c>).</summary>
    private void GiveUp(PendingExchange pending, string why) => GiveUp(pending, Correlation.NoAnswer(pending, why));

    private void GiveUp(PendingExchange pending, Correlation.GiveUpReason reason)
    {
        if (pending.DataResult is { } result) Finish(pending, result.Text, result.Ok, result.At, kind: null, value: null);
        else if (_sides.ModuleSpoke) _correlation.GiveUp(pending, reason);
        else
        {
            // Nothing from the module yet: perhaps a log of the host's side alone, said once at the end (OneSideRule).
            _correlation.GiveUp(pending, reason, report: false);
            _sides.Unanswered(pending.Sent.Line, reason);
        }
    }

    private void Information(AtEvent information, Stamp at)
    {
        if (_correlation.Pending is not { } pending)
        {
            _answers.Unasked(information.Text, at);
            return;
        }
        var text = _lines.MaskLine(information.Text);
        _correlation.Information(pending, information.Text, text, at);
        _answers.Answered(text, at);
        if (pending.Command is null or UnknownCommand) return;
        // In another family's log an answer the M5310-A cannot read is that family's: `+MQTTSUB:0,3,"t",1` (ESP-AT).
        if (information.Error is not null && _families.AnySeen) return;
        Understood(information, text, at);
        if (information.Value is MqttStatus status) _session.Status(status, at, text);
        else if (information.Value is Registration registration) _registration.Read(registration, text, at);
        else if (information.Value is SignalQuality signal) _radio.Signal(signal, at);
    }

    private void Unsolicited(AtEvent urcEvent, Stamp at)
    {
        var text = _lines.MaskLine(urcEvent.Text);
        var name = urcEvent.Name ?? UrcName.Other;
        if (urcEvent.Value is null && ProtocolCatalog.Restarts.Contains(name) && !_booting) Restarted(text, at);
        _statistics.AddUrc(name);
        Understood(urcEvent, text, at);
        if (_correlation.Pending is null) _answers.Unasked(text, at);
        var family = urcEvent.Value is null ? ModuleFamilies.Sending(urcEvent.Text) : null;
        if (family is not null) _families.Received(family, urcEvent.Text, at);
        var answered = _correlation.Received(urcEvent, name, text, at, _session.Reconnecting, out var packetId, out var unexpected);
        if (family?.Failure(urcEvent.Text, _lastCommand) is { } failure) Failed(family, failure, text, answered, at);
        else if (family?.StateAfter(urcEvent.Text) is { } state) _session.Moved(state, at, text);
        else if (family is null && name == "+CEREG") _registration.Reported(urcEvent.Text, text, at);
        if (urcEvent.Value is Urc urc)
        {
            _refusals.Received(urc, text, answered, at);
            if (urc is MqttTimeout { Type: not MqttTimeoutType.Ping } timeout) _ackTimeouts.TimedOut(timeout, text, answered, at);
            _session.Received(urc, answered, at, text);
            _subscriptions.Received(urc, answered, at);
            // Before the log's first command, the command a URC answers may have been sent before the log began, or on a line not captured.
            if (unexpected && _correlation.Commands > 0) _correlation.Unexpected(urc, text, at);
        }
        if (_urcs.Keeps()) _urcs.Add(new UrcEvent(at.Line, at.Time, name, _kept.Of(text), answered?.Line, packetId));
    }

    /// <summary>Another family's line says a command failed or the link went down (<c>+QMTCONN: 0,0,4</c>, <c>+QMTSTAT: 0,1</c>).</summary>
    private void Failed(ModuleFamily family, (FamilyFailure Kind, string Meaning) failure, string text, Awaited? answered, Stamp at)
    {
        if (failure.Kind == FamilyFailure.Lost) _session.Dropped(text, $"{failure.Meaning} ({family.Name})", at);
        else if (failure.Kind == FamilyFailure.Command) _commandErrors.Failed($"{text}{Awaited.For(answered)}: {failure.Meaning} ({family.Name})", at);
        else _refusals.Failed(failure.Kind, $"{text}{Awaited.For(answered)}: {failure.Meaning} ({family.Name})", at);
    }

    /// <summary>
    /// The module restarted: the command it ran gets no final result, the URCs awaited none, the session ends. A
    /// restart the last command asked for (<c>AT+NRB</c>) is no finding, and the boot's OK answers that command.
    /// </summary>
    private void Restarted(string banner, Stamp at)
    {
        var asked = _lastCommand is { } last && ProtocolCatalog.AsksRestart(last);
        var midLog = !asked && (_correlation.Commands > 0 || _correlation.Urcs > 0);
        if (!asked && _correlation.Pending is { } pending) GiveUp(pending, $"the module restarted at line {at.Line} ({banner})");
        _correlation.Restarted(at);
        _session.Restarted(at, banner, midLog);
        _subscriptions.Restarted();
        _booting = true;
    }

    private void Understood(AtEvent atEvent, string text, Stamp at)
    {
        _deviations.Check(atEvent.Deviations, at);
        if (atEvent.Error is { } error) _unreadable.Received(text, error, atEvent.ErrorPosition, at);
    }
}
