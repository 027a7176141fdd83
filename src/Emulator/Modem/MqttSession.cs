using Conformance.Emulator.Mqtt;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;
using Conformance.Protocol.Syntax;

namespace Conformance.Emulator.Modem;

/// <summary>
/// The module's one MQTT client instance (manual chapter 1): the six MQTTSTAT states, the AT+MQTT commands, the
/// URCs for what the broker really sends, and the module's own timers (keep-alive, ACK timeouts, reconnection).
/// </summary>
/// <remarks>
/// Every member runs under the module's lock, passed in as <c>gate</c>; back-end events and timers take it too.
/// <c>_generation</c> changes with every connection attempt and every deliberate end, so a late connect result or
/// timer of an older attempt is recognised and ignored.
/// </remarks>
internal sealed class MqttSession : IAsyncDisposable
{
    private const int ReconnectAttempts = 3;
    private const int MissedPingsBeforeReconnect = 3;

    private readonly Lock _gate;
    private readonly ModuleOutput _output;
    private readonly EmulatorOptions _options;
    private readonly EmulatorFaults _faults;
    private readonly MqttBackEnd _backEnd = new();
    private readonly AckTimers _acks;
    private readonly List<string> _subscriptions = [];
    private readonly Dictionary<ushort, string> _subscribing = [], _unsubscribing = [];
    private MqttCfg? _config;
    private MqttOpen? _open;
    private CancellationTokenSource? _connecting;
    private ITimer? _keepAlive, _reconnect;
    private int _generation, _missedPings, _attempt;
    private TimeSpan _ackTimeout;
    private bool _pingReports;
    private bool _poweredOff;

    public MqttSession(Lock gate, ModuleOutput output, EmulatorOptions options, EmulatorFaults faults)
    {
        _gate = gate;
        _output = output;
        _options = options;
        _faults = faults;
        _ackTimeout = options.AckTimeout;
        // rspEcho is 0 at power-on (v1.3 guide), so reports start as AT+MQTTPING=0 would set them.
        _pingReports = options.PingReportsOnValue == 0;
        _acks = new AckTimers(options.TimeProvider, OnAckTimeout);
        _backEnd.EventReceived += (_, e) =>
        {
            // A packet's event may have been raised just before its connection was given up under this lock.
            lock (_gate)
                if (!_poweredOff && (e is ConnectionLost || _backEnd.IsConnected)) OnEvent(e);
        };
    }

    public MqttState State { get; private set; }

    /// <summary>The broker's answers the module waits for (a connection attempt waits for its CONNACK). Under the module's lock.</summary>
    public IReadOnlyList<MqttTimeoutType> Awaited => [.. _connecting is null ? [] : new[] { MqttTimeoutType.Connect }, .. _acks.Awaited];

    private Dialect Dialect => _options.Dialect;

    private TimeProvider Time => _options.TimeProvider;

    /// <summary>Runs one MQTT command and returns its final result; information lines are written before it.</summary>
    public FinalResult Execute(AtCommand command)
    {
        try { return Run(command); }
        // The connection broke a moment ago and the back end knows before this lock saw the event.
        catch (InvalidOperationException) when (command is MqttPub or MqttSub or MqttUnsub) { return Cme(651); }
    }

    private FinalResult Run(AtCommand command) => command switch
    {
        MqttCfg cfg => Configure(cfg),
        MqttCfgRead => ReadConfig(),
        MqttOpen open => Open(open),
        MqttStatRead => Answer(new MqttStatus(State)),
        MqttSub sub => Subscribe(sub),
        MqttSubRead => ListSubscriptions(),
        MqttPub pub => Publish(pub),
        MqttUnsub unsub => Unsubscribe(unsub),
        MqttDisc => Disconnect(),
        MqttDel => Delete(),
        MqttTo to => SetAckTimeout(to),
        MqttPing ping => SetPingReports(ping),
        _ => throw new ArgumentException($"{command.Name} is not an MQTT command.", nameof(command)),
    };

    private static FinalResult Ok => new(FinalResultKind.Ok);

    private static FinalResult Cme(int code) => new(FinalResultKind.CmeError, code);

    private FinalResult Answer(InformationResponse response)
    {
        _output.Line(response.Format(Dialect));
        return Ok;
    }

    private FinalResult Configure(MqttCfg cfg)
    {
        // One instance only: a second CFG waits for DEL (manual §3.3.4).
        if (State != MqttState.NotInitialised) return Cme(602);
        _config = cfg;
        State = MqttState.Initialised;
        return Ok;
    }

    private FinalResult ReadConfig()
    {
        if (_config is not { } c) return Cme(602);
        return Answer(new MqttConfig(c.Host, c.Port, c.Id, c.KeepAlive, c.User, MqttConfig.Mask, c.Clean));
    }

    private FinalResult Open(MqttOpen open)
    {
        if (State is not (MqttState.Initialised or MqttState.Disconnected)) return Cme(602);
        _open = open;
        State = MqttState.Connecting;
        // The outcome needs this lock, so its URC always follows the OK.
        Connect();
        return Ok;
    }

    private FinalResult Subscribe(MqttSub sub)
    {
        if (State != MqttState.Connected) return Cme(651);
        var id = _backEnd.Subscribe(sub.Topic, (MqttQos)sub.Qos);
        Sent();
        _subscribing[id] = sub.Topic;
        _acks.Watch(MqttTimeoutType.Subscribe, id, _ackTimeout);
        return Ok;
    }

    private FinalResult ListSubscriptions()
    {
        if (State == MqttState.NotInitialised) return Cme(602);
        _output.Line(new SubscriptionListHeader().Format(Dialect));
        foreach (var topic in _subscriptions) _output.Line(new SubscribedTopic(topic).Format(Dialect));
        return Ok;
    }

    private FinalResult Publish(MqttPub pub)
    {
        if (State != MqttState.Connected) return Cme(651);
        if (_faults.UplinkBusy) return Cme(652);
        var id = _backEnd.Publish(pub.Topic, pub.IsHex ? pub.GetMessageBytes() : HostBytes.Of(pub.Message), (MqttQos)pub.Qos, pub.Retain);
        Sent();
        if (pub.Qos > 0) _acks.Watch(MqttTimeoutType.Publish, id, _ackTimeout);
        return Ok;
    }

    private FinalResult Unsubscribe(MqttUnsub unsub)
    {
        if (State != MqttState.Connected) return Cme(651);
        var id = _backEnd.Unsubscribe(unsub.Topic);
        Sent();
        _unsubscribing[id] = unsub.Topic;
        _acks.Watch(MqttTimeoutType.Unsubscribe, id, _ackTimeout);
        return Ok;
    }

    private FinalResult Disconnect()
    {
        // The manual's §1.7: no connection → +CME ERROR: 3. A deliberate DISC also stops reconnection.
        if (State is not (MqttState.Connected or MqttState.Connecting or MqttState.Reconnecting)) return Cme(3);
        StopConnection();
        State = MqttState.Disconnected;
        var generation = _generation;
        _ = _backEnd.DisconnectAsync().ContinueWith(_ =>
        {
            lock (_gate)
                if (generation == _generation) _output.Line(new MqttDisconnected().Encode(Dialect));
        }, TaskScheduler.Default);
        return Ok;
    }

    private FinalResult Delete()
    {
        if (State == MqttState.NotInitialised) return Cme(602);
        // The instance holds the connection: disconnect first (manual §3.3.4 sends DISC before DEL).
        if (State is MqttState.Connected or MqttState.Connecting or MqttState.Reconnecting) return Cme(651);
        _config = null;
        _open = null;
        _subscriptions.Clear();
        State = MqttState.NotInitialised;
        return Ok;
    }

    private FinalResult SetAckTimeout(MqttTo to)
    {
        _ackTimeout = TimeSpan.FromSeconds(to.TimeoutSeconds);
        return Ok;
    }

    private FinalResult SetPingReports(MqttPing ping)
    {
        _pingReports = ping.RspEcho == _options.PingReportsOnValue;
        return Ok;
    }

    private MqttConnectRequest Request()
    {
        var (config, open) = (_config!, _open!);
        var broker = _options.Resolve(config.Host, config.Port);
        var will = open.WillFlag
            ? new MqttWill(open.WillTopic, HostBytes.Of(open.WillMessage), (MqttQos)open.WillQos, open.WillRetain)
            : null;
        return new MqttConnectRequest(broker.Host, broker.Port, config.Id,
            open.UserFlag ? config.User : null, open.PasswordFlag ? config.Password : null,
            config.Clean, (ushort)config.KeepAlive, will);
    }

    /// <summary>Starts a connection attempt; its outcome arrives in <see cref="OnConnected"/>.</summary>
    private void Connect()
    {
        var generation = ++_generation;
        var request = Request();
        var cancel = new CancellationTokenSource();
        _connecting = cancel;
        // A timer may still fire once it is disposed (the attempt ended just then): the source is gone, nothing to cancel.
        var timeout = Time.CreateTimer(_ =>
        {
            try { cancel.Cancel(); }
            catch (ObjectDisposedException) { }
        }, null, _ackTimeout, Timeout.InfiniteTimeSpan);
        _ = Task.Run(async () =>
        {
            MqttConnectResult? result;
            try { result = await _backEnd.ConnectAsync(request, cancel.Token); }
            catch (OperationCanceledException) { result = null; }
            // Whatever goes wrong, the attempt ends in a URC: an OK followed by silence would leave the host in state 3.
            catch (Exception e) { result = MqttConnectResult.Unreachable(e.Message); }
            await timeout.DisposeAsync();
            lock (_gate) OnConnected(generation, result);
            cancel.Dispose();
        });
    }

    /// <summary>The outcome of attempt <paramref name="generation"/>; <paramref name="result"/> is null when no CONNACK came within the ACK timeout.</summary>
    private void OnConnected(int generation, MqttConnectResult? result)
    {
        if (generation != _generation)
        {
            // DISC or DEL came first: this connection is not wanted any more.
            if (result is { Accepted: true }) _ = _backEnd.DisconnectAsync();
            return;
        }
        _connecting = null;
        if (result is { Accepted: true })
        {
            State = MqttState.Connected;
            _missedPings = 0;
            if (_config!.Clean) _subscriptions.Clear();
            if (_config.KeepAlive > 0)
                _keepAlive = Time.CreateTimer(_ => OnKeepAlive(generation), null, KeepAlive, KeepAlive);
            _output.Line(new MqttOpenResult(true).Encode(Dialect));
            return;
        }
        if (result is null) _output.Line(new MqttTimeout(MqttTimeoutType.Connect).Encode(Dialect));
        var refused = result is { Reachable: true };
        var first = State == MqttState.Connecting;
        if (first || refused) _output.Line(new MqttOpenResult(false).Encode(Dialect));
        // Bad credentials are final; anything else is retried (spec §3.2).
        if (refused)
        {
            State = MqttState.Disconnected;
            if (!first) _output.Line(new MqttDisconnected().Encode(Dialect));
            return;
        }
        ScheduleReconnect(first ? 0 : _attempt + 1);
    }

    /// <summary>
    /// Announces reconnection attempt <paramref name="attempt"/> with <c>+MQTTREC</c> and makes it one
    /// <see cref="EmulatorOptions.ReconnectInterval"/> later; after the last one, <c>+MQTTDISC: OK</c>.
    /// The URC follows the timer, so a test that saw it may move fake time on.
    /// </summary>
    private void ScheduleReconnect(int attempt)
    {
        if (attempt >= ReconnectAttempts)
        {
            State = MqttState.Disconnected;
            _output.Line(new MqttDisconnected().Encode(Dialect));
            return;
        }
        State = MqttState.Reconnecting;
        _attempt = attempt;
        var generation = _generation;
        _reconnect = Time.CreateTimer(_ =>
        {
            lock (_gate)
                if (generation == _generation && State == MqttState.Reconnecting) Connect();
        }, null, _options.ReconnectInterval, Timeout.InfiniteTimeSpan);
        _output.Line(new MqttReconnect(attempt).Encode(Dialect));
    }

    private TimeSpan KeepAlive => TimeSpan.FromSeconds(_config!.KeepAlive);

    /// <summary>A packet went out, so the link is not idle: the next PINGREQ is due one keepAlive from now (manual §3.3.5).</summary>
    private void Sent() => _keepAlive?.Change(KeepAlive, KeepAlive);

    private void OnKeepAlive(int generation)
    {
        lock (_gate)
        {
            if (generation != _generation || State != MqttState.Connected) return;
            if (_acks.IsWatching(MqttTimeoutType.Ping, 0)) return;
            _backEnd.Ping();
            _acks.Watch(MqttTimeoutType.Ping, 0, _ackTimeout);
        }
    }

    private void OnAckTimeout(MqttTimeoutType type, ushort packetId)
    {
        lock (_gate)
        {
            if (!_acks.Settle(type, packetId)) return;
            _output.Line(new MqttTimeout(type).Encode(Dialect));
            // An ACK timeout means a dead link (manual §1.2): reconnect; for PINGRESPs only at the third in a row (§3.3.5).
            if (type == MqttTimeoutType.Ping && ++_missedPings < MissedPingsBeforeReconnect) return;
            StopConnection();
            _ = _backEnd.DisconnectAsync();
            ScheduleReconnect(0);
        }
    }

    private void OnEvent(MqttEvent e)
    {
        switch (e)
        {
            case PubAckReceived ack:
                _acks.Settle(MqttTimeoutType.Publish, ack.PacketId);
                // The manual's second field is the QoS (1); the field's is the DUP flag (0).
                Emit(new PubAck(ack.PacketId, Dialect == Dialect.Manual ? 1 : 0));
                break;
            case PubRecReceived rec:
                // Still waiting: now for the PUBCOMP.
                if (_acks.Settle(MqttTimeoutType.Publish, rec.PacketId)) _acks.Watch(MqttTimeoutType.Publish, rec.PacketId, _ackTimeout);
                Emit(new PubRec(0, rec.PacketId));
                break;
            case PubCompReceived comp:
                _acks.Settle(MqttTimeoutType.Publish, comp.PacketId);
                Emit(new PubComp(0, comp.PacketId));
                break;
            case PublishReceived publish:
                Emit(new MqttPublish(publish.Dup ? 1 : 0, (int)publish.Qos, publish.Retain ? 1 : 0, publish.PacketId, publish.Topic, publish.Payload));
                break;
            case PubRelReceived rel:
                Emit(new PubRel(0, rel.PacketId));
                break;
            case SubAckReceived subAck:
                _acks.Settle(MqttTimeoutType.Subscribe, subAck.PacketId);
                _subscribing.Remove(subAck.PacketId, out var subscribed);
                if (subscribed is not null && subAck.ReturnCode != SubAck.Failure && !_subscriptions.Contains(subscribed))
                    _subscriptions.Add(subscribed);
                Emit(new SubAck(subAck.PacketId, subAck.ReturnCode, subscribed));
                break;
            case UnsubAckReceived unsubAck:
                _acks.Settle(MqttTimeoutType.Unsubscribe, unsubAck.PacketId);
                _unsubscribing.Remove(unsubAck.PacketId, out var unsubscribed);
                if (unsubscribed is not null) _subscriptions.Remove(unsubscribed);
                Emit(new UnsubAck(unsubAck.PacketId, Dialect == Dialect.Field ? unsubscribed : null));
                break;
            case PingRespReceived:
                _acks.Settle(MqttTimeoutType.Ping, 0);
                _missedPings = 0;
                if (_pingReports) Emit(new PingResp());
                break;
            case ConnectionLost when State == MqttState.Connected:
                StopConnection();
                ScheduleReconnect(0);
                break;
        }
    }

    private void Emit(Urc urc) => _output.Line(urc.Encode(Dialect));

    /// <summary>Forgets the current connection's timers, pending answers and any attempt in flight.</summary>
    private void StopConnection()
    {
        _generation++;
        _connecting?.Cancel();
        _connecting = null;
        _keepAlive?.Dispose();
        _keepAlive = null;
        _reconnect?.Dispose();
        _reconnect = null;
        _acks.Clear();
        _subscribing.Clear();
        _unsubscribing.Clear();
    }

    /// <summary>The module lost power: no more output from this session, whatever the broker still sends. Under the module's lock.</summary>
    public void PowerOff()
    {
        _poweredOff = true;
        StopConnection();
        State = MqttState.NotInitialised;
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate) StopConnection();
        await _backEnd.DisposeAsync();
    }
}
