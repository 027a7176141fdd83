using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Statistics;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;

namespace Conformance.Analyzer.Timeline;

/// <summary>
/// The MQTT session as the traffic shows it: the <c>AT+MQTTSTAT</c> state, reconnection episodes, storms and
/// time connected. The state is unknown (null) until the log shows one, so a log that starts mid-session
/// raises no false order warnings. Owns <c>connection-lost</c> and <c>reconnection-storm</c>.
/// </summary>
internal sealed class SessionTracker(
    CappedList<StateChange> changes, CappedList<Reconnection> reconnections, StatisticsBuilder statistics, DiagnosticLog diagnostics, Radio radio) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } =
        [DiagnosticCodes.ConnectionLost, DiagnosticCodes.ModuleRestarted, DiagnosticCodes.ReconnectionStorm, DiagnosticCodes.StatusContradiction];

    private const int StormEpisodes = 3;
    private static readonly TimeSpan StormWindow = TimeSpan.FromMinutes(10);
    private const long StormLines = 500;

    private readonly Queue<Stamp> _recentEpisodes = new();
    private bool _stormReported;
    private Stamp? _connectedSince;
    private Stamp _episodeStart;
    private int _episodeTimeouts, _episodeAttempts;

    public MqttState? State { get; private set; }

    // Where and why the session ended, while nothing has moved it since: AT+MQTTDEL's OK, +MQTTDISC. A state the
    // module only said (an earlier AT+MQTTSTAT?) or a restart (some firmware restores its client) settles nothing.
    private (long Line, string Cause)? _ended;

    /// <summary>True while the module is losing or re-making its connection by itself.</summary>
    public bool Reconnecting { get; private set; }

    public long Episodes { get; private set; }

    /// <summary>A command got OK: AT+MQTTCFG creates the client, AT+MQTTDEL deletes it, AT+MQTTOPEN starts connecting.</summary>
    public void Accepted(PendingExchange pending, Stamp at)
    {
        switch (pending.Command)
        {
            case MqttCfg: MoveTo(MqttState.Initialised, at, Cause(pending)); break;
            case MqttDel: Ended(MqttState.NotInitialised, at, Cause(pending)); break;
            case MqttOpen when !Reconnecting && !pending.OutcomeSeen: MoveTo(MqttState.Connecting, at, Cause(pending)); break;
            case UnknownCommand { Family: { } family } when family.StateAfterAccepting(pending.Line) is { } to:
                Moved(to, at, Cause(pending));
                break;
        }
    }

    /// <summary>Another family's line or accepted command moved the session (<c>+QMTCONN: 0,0,0</c>, <c>AT+MDISCONNECT</c> OK).</summary>
    public void Moved(MqttState to, Stamp at, string cause)
    {
        if (to == MqttState.Connected) Connected(at, cause);
        else MoveTo(to, at, cause);
    }

    /// <summary>The answer of <c>AT+MQTTSTAT?</c>: the state as the module tells it.</summary>
    public void Status(MqttStatus status, Stamp at, string text)
    {
        // From 0 only AT+MQTTCFG makes an instance, from 2 only AT+MQTTOPEN connects (the module never reconnects
        // after a disconnection, manual §3.3.5): a state past that, with neither in between, is the module's word against its lines.
        var needs = _ended is null ? null
            : State == MqttState.NotInitialised && status.State != MqttState.NotInitialised ? "AT+MQTTCFG"
            : State == MqttState.Disconnected && status.State is MqttState.Connecting or MqttState.Reconnecting or MqttState.Connected ? "AT+MQTTOPEN"
            : null;
        if (needs is not null && _ended is var (line, cause))
            diagnostics.Report(DiagnosticCodes.StatusContradiction, at.Line,
                $"{text} says state {(int)status.State} ({status.State}), but the session was left in state {(int)State!} ({State}) at line {line} ({cause}) and no {needs} came since");
        if (status.State == MqttState.Connected) Connected(at, text);
        else MoveTo(status.State, at, text);
    }

    /// <summary>A URC that moves the session; <paramref name="answered"/> is the wait it satisfied, if any.</summary>
    public void Received(Urc urc, Awaited? answered, Stamp at, string text)
    {
        switch (urc)
        {
            case MqttOpenResult { Ok: true }: Connected(at, text); break;
            case MqttOpenResult: MoveTo(MqttState.Disconnected, at, text); break;
            case MqttTimeout { Type: MqttTimeoutType.Ping }: Trouble(at, text, attempt: false); break;
            case MqttReconnect: Trouble(at, text, attempt: true); break;
            case MqttDisconnected when answered is null: Lost(at, text); break;
            case MqttDisconnected: Ended(MqttState.Disconnected, at, text); break;
        }
    }

    /// <summary>
    /// The module restarted (<paramref name="banner"/>): its MQTT client is gone, a connection it had is dropped, a
    /// running reconnection episode ends unfinished. Reported when the log saw the module at work before.
    /// </summary>
    public void Restarted(Stamp at, string banner, bool midLog)
    {
        if (Reconnecting) End(at, ReconnectionOutcome.Unfinished);
        if (State is MqttState.Connected or MqttState.Reconnecting) statistics.Drops++;
        if (midLog) diagnostics.Report(DiagnosticCodes.ModuleRestarted, at.Line, $"the module restarted ({banner}) while {(State is { } state ? $"in state {(int)state} {state}" : "in a state the log does not show")}");
        MoveTo(MqttState.NotInitialised, at, $"the module restarted ({banner})");
    }

    /// <summary>
    /// The log's time went back between <paramref name="before"/> and <paramref name="after"/>: the time connected is
    /// counted up to the line before the step and again from the step on, never across it.
    /// </summary>
    public void TimeWentBack(Stamp before, Stamp after)
    {
        if (State != MqttState.Connected || _connectedSince is not { } since) return;
        if (before.Clock - since.Clock is { } up && up >= TimeSpan.Zero) statistics.AddUptime(up);
        _connectedSince = after;
    }

    /// <summary>The log ended: closes the running episode and the time connected.</summary>
    public void Finish(Stamp last)
    {
        if (Reconnecting) End(last, ReconnectionOutcome.Unfinished);
        if (State == MqttState.Connected && _connectedSince is { } since && last.Clock - since.Clock is { } up && up >= TimeSpan.Zero) statistics.AddUptime(up);
        _connectedSince = null;
    }

    // Written only for the commands that move the session.
    private static string Cause(PendingExchange pending) => $"{pending.Key.TrimEnd('=')} OK";

    private void MoveTo(MqttState to, Stamp at, string cause)
    {
        if (State == to) return;
        if (State == MqttState.Connected && _connectedSince is { } since && at.Clock - since.Clock is { } up && up >= TimeSpan.Zero) statistics.AddUptime(up);
        _connectedSince = to == MqttState.Connected ? at : null;
        if (changes.Keeps()) changes.Add(new StateChange(at.Line, at.Time, State, to, cause));
        (State, _ended) = (to, null);
    }

    /// <summary>The host ended the session (AT+MQTTDEL's OK, the +MQTTDISC: OK of its AT+MQTTDISC): only a command of its starts it again.</summary>
    private void Ended(MqttState to, Stamp at, string cause)
    {
        MoveTo(to, at, cause);
        _ended = (at.Line, cause);
    }

    /// <summary>A ping timeout (<c>+MQTTTO: 5</c>) or a reconnection attempt (<c>+MQTTREC</c>).</summary>
    private void Trouble(Stamp at, string cause, bool attempt)
    {
        if (!Reconnecting) Begin(at);
        if (attempt)
        {
            _episodeAttempts++;
            MoveTo(MqttState.Reconnecting, at, cause);
        }
        else _episodeTimeouts++;
    }

    /// <summary>The connection is back; ends an episode if one is running.</summary>
    private void Connected(Stamp at, string cause)
    {
        if (Reconnecting) End(at, ReconnectionOutcome.Recovered);
        MoveTo(MqttState.Connected, at, cause);
    }

    /// <summary>Another family's module says its link went down (<c>+QMTSTAT: 0,1</c>): a drop, <paramref name="why"/> in its manual's words.</summary>
    public void Dropped(string text, string why, Stamp at)
    {
        statistics.Drops++;
        diagnostics.Report(DiagnosticCodes.ConnectionLost, at.Line, $"{text}: the connection dropped: {why}{radio.Before(at)}");
        MoveTo(MqttState.Disconnected, at, text);
    }

    /// <summary><c>+MQTTDISC</c> nobody asked for: the module gave up, or dropped the connection without saying why.</summary>
    private void Lost(Stamp at, string cause)
    {
        if (Reconnecting)
        {
            End(at, ReconnectionOutcome.GaveUp);
            diagnostics.Report(DiagnosticCodes.ConnectionLost, at.Line,
                $"{cause} after {_episodeTimeouts} ping timeout(s) and {_episodeAttempts} reconnection attempt(s): the module gave up (manual §3.3.5); the host must open the connection again{radio.Before(at)}");
        }
        else
        {
            statistics.Drops++;
            diagnostics.Report(DiagnosticCodes.ConnectionLost, at.Line, $"{cause} without AT+MQTTDISC: the connection dropped{radio.Before(at)}");
        }
        MoveTo(MqttState.Disconnected, at, cause);
    }

    private void Begin(Stamp at)
    {
        Reconnecting = true;
        Episodes++;
        statistics.Drops++;
        _episodeStart = at;
        _episodeTimeouts = _episodeAttempts = 0;
        DetectStorm(at);
    }

    private void End(Stamp at, ReconnectionOutcome outcome)
    {
        Reconnecting = false;
        if (reconnections.Keeps()) reconnections.Add(new Reconnection(_episodeStart.Line, _episodeStart.Time, at.Line, _episodeTimeouts, _episodeAttempts,
            outcome, at.MillisecondsSince(_episodeStart)));
    }

    private void DetectStorm(Stamp at)
    {
        _recentEpisodes.Enqueue(at);
        while (_recentEpisodes.Count > 0 && !Close(_recentEpisodes.Peek(), at)) _recentEpisodes.Dequeue();
        if (_recentEpisodes.Count < StormEpisodes)
        {
            _stormReported = false;
            return;
        }
        if (_stormReported) return;
        _stormReported = true;
        var first = _recentEpisodes.Peek();
        diagnostics.Report(DiagnosticCodes.ReconnectionStorm, at.Line,
            $"{_recentEpisodes.Count} reconnection episodes since line {first.Line}: the connection keeps dropping{radio.Before(at)}");
    }

    private static bool Close(Stamp earlier, Stamp later) =>
        later.Clock - earlier.Clock is { } span ? span <= StormWindow : later.Line - earlier.Line <= StormLines;
}
