using Conformance.Emulator.Faults;
using Conformance.Emulator.Hosting;
using Conformance.Emulator.Modem;
using Conformance.Emulator.Mqtt;
using Conformance.Harness.Timing;
using Conformance.Protocol.OneNet;
using Conformance.Protocol.Syntax;
using MQTTnet.Packets;

namespace Conformance.Harness.Links;

/// <summary>
/// <c>emulator[:manual|field]</c>: the virtual M5310-A in this process, with the embedded OneNET-like broker
/// behind it. The default target: it needs no hardware, and it can provoke what a real module only does on a
/// bad day (the broker stops answering, ACKs come late), so every scenario can run.
/// </summary>
/// <param name="dialect">How the virtual module writes its answers.</param>
/// <param name="time">The clock of the module's timers; a <see cref="VirtualClock"/> makes the run take no wall time for them.</param>
/// <param name="preset">Applied to the started emulator before the session opens, and again on every
/// <see cref="RestoreAsync"/>: a fault present from the start, a registered device.</param>
/// <param name="revision">What the module answers to <c>AT+CGMR</c>; null for <see cref="EmulatorOptions.DefaultRevision"/>.</param>
public sealed class EmulatorLink(Dialect dialect, TimeProvider time, Action<EmulatorHost>? preset = null, string? revision = null)
    : ILink, IBrokerControl, IPlatformView
{
    // "Every certain time" (manual §3.3.5) is the module's choice; a short one keeps reconnection scenarios fast.
    private static readonly TimeSpan ReconnectInterval = TimeSpan.FromSeconds(1);

    private EmulatorHost? _host;
    private BrokerAnswers? _answers;
    private readonly List<WireRequest> _requests = [];
    private readonly List<MqttPacket> _sent = [];

    public Dialect Dialect => dialect;

    public string Target => dialect == Dialect.Manual ? "emulator" : "emulator:field";

    /// <summary>What the module answers to <c>AT+CGMR</c>.</summary>
    public string Revision => revision ?? RevisionOf(dialect);

    /// <summary>The default revision of a virtual module speaking <paramref name="dialect"/>: a field module tells itself apart.</summary>
    public static string RevisionOf(Dialect dialect) =>
        dialect == Dialect.Manual ? EmulatorOptions.DefaultRevision : EmulatorOptions.DefaultRevision + " field";

    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string>
    {
        Links.Capabilities.Network, Links.Capabilities.BrokerControl, Links.Capabilities.BrokerView,
    };

    /// <summary>The running emulator, its faults and its platform; null until opened.</summary>
    public EmulatorHost? Host => _host;

    /// <summary>Parses the optional dialect after <c>emulator:</c>; without one the settings' dialect is used.</summary>
    public static EmulatorLink Parse(string argument, LinkSettings settings) => Parse(argument, settings, null);

    /// <summary>As <see cref="Parse(string, LinkSettings)"/>, with the revision the module answers to <c>AT+CGMR</c>.</summary>
    internal static EmulatorLink Parse(string argument, LinkSettings settings, Func<Dialect, string>? revision)
    {
        var dialect = argument.ToLowerInvariant() switch
        {
            "" => settings.Dialect,
            "manual" => Dialect.Manual,
            "field" => Dialect.Field,
            _ => throw new LinkException($"emulator target: unknown dialect '{argument}': expected emulator, emulator:manual or emulator:field"),
        };
        return new EmulatorLink(dialect, settings.Time, revision: revision?.Invoke(dialect));
    }

    public async Task<Stream> OpenAsync(CancellationToken cancel)
    {
        // On a virtual clock the module's and the platform's timers fire as the harness's waits move it (see VirtualClock).
        var clock = time as VirtualClock;
        _host = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            Dialect = dialect, TimeProvider = clock?.Background ?? time, ReconnectInterval = ReconnectInterval,
            Revision = Revision,
        });
        preset?.Invoke(_host);
        if (_host.Proxy is { } proxy)
        {
            proxy.FrameForwarded += (_, frame) =>
            {
                if (frame.Direction == FrameDirection.ToBroker && Decoded(frame) is { } packet) lock (_sent) _sent.Add(packet);
                if (frame is { Direction: FrameDirection.ToBroker, Type: MqttPacketType.Publish or MqttPacketType.Subscribe or MqttPacketType.Unsubscribe, PacketId: { } id })
                    lock (_requests) _requests.Add(new WireRequest(frame.Type.ToString().ToUpperInvariant(), id));
            };
        }
        if (clock is null) return _host.OpenStream();
        var host = _host;
        _answers = new BrokerAnswers(host, clock);
        return new ClockedStream(clock, produced =>
        {
            host.Module.OutputWritten += (_, bytes) => produced(bytes.Length);
            return host.OpenStream();
        });
    }

    public void StopAnsweringPings() => Faults.PingUnanswered = true;

    public void HoldAcks() => Faults.DelayAcks();

    public Task ReleaseAcksAsync() => Faults.ReleaseAcksAsync();

    public Task DropConnectionAsync() => Faults.DropConnectionAsync();

    public void MakeUnreachable() => Faults.BrokerUnreachable = true;

    public void MakeUplinkBusy() => Faults.UplinkBusy = true;

    public void GrantAtMost(int qos)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(qos);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(qos, 2);
        Platform.MaximumGrantedQos = (MqttQos)qos;
    }

    public async Task RestoreAsync()
    {
        var faults = Faults;
        faults.PingUnanswered = false;
        faults.BrokerUnreachable = false;
        faults.UplinkBusy = false;
        if (OpenHost.Platform is { } platform) platform.MaximumGrantedQos = MqttQos.ExactlyOnce;
        if (faults.AcksDelayed) await faults.ReleaseAcksAsync();
        preset?.Invoke(OpenHost);
    }

    public IReadOnlyList<DataPoint> DataPointsOf(string deviceId) => Platform.DataPointsOf(deviceId);

    public async Task SendCommandAsync(string deviceId, string uuid, ReadOnlyMemory<byte> payload)
    {
        // Owed before it is sent: the module may report it before this call returns.
        _answers?.DeliveryOwed();
        try { await Platform.SendCommandAsync(deviceId, uuid, payload); }
        catch (InvalidOperationException)
        {
            _answers?.DeliveryNotSent();
            throw;
        }
    }

    public IReadOnlyList<WireRequest>? RequestsSent()
    {
        if (OpenHost.Proxy is null) return null;
        lock (_requests) return [.. _requests];
    }

    public IReadOnlyList<MqttPacket>? PacketsSent()
    {
        if (OpenHost.Proxy is null) return null;
        lock (_sent) return [.. _sent];
    }

    // Bytes that are not MQTT 3.1.1 reach the broker as they are (it closes the connection); only a packet can be checked.
    private static MqttPacket? Decoded(MqttFrame frame)
    {
        try { return MqttPacketCodec.Decode(frame); }
        catch (MQTTnet.Exceptions.MqttProtocolViolationException) { return null; }
    }

    private EmulatorHost OpenHost => _host ?? throw new InvalidOperationException("The emulator link is not open.");

    private EmulatorFaults Faults => OpenHost.Faults;

    private Emulator.Platform.OneNetPlatform Platform =>
        OpenHost.Platform ?? throw new InvalidOperationException("The emulator runs without its embedded platform.");

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }
}
