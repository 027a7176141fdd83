using System.Net;
using Conformance.Protocol.Syntax;

namespace Conformance.Emulator.Modem;

/// <summary>How the virtual M5310-A behaves: dialect, power-on answers, timers and where its MQTT connections go.</summary>
public sealed record EmulatorOptions
{
    /// <summary>How responses and URCs are written (spec §7).</summary>
    public Dialect Dialect { get; init; } = Dialect.Manual;

    /// <summary>
    /// The <c>AT+MQTTPING</c> value that turns <c>+MQTTPINGRSP</c> reports on. The manual's text says 0 = show
    /// (the default here); the v1.3 guide and drivers use 1 (spec §3.10).
    /// </summary>
    public int PingReportsOnValue { get; init; }

    /// <summary>Echo at power-on; M5310-A drivers never send ATE0, so off (spec §1).</summary>
    public bool Echo { get; init; }

    /// <summary>Show secrets (the CFG password, Wi-Fi keys, tokens) in <see cref="VirtualModule.Logged"/> instead of <c>***</c>.</summary>
    public bool ShowSecrets { get; init; }

    /// <summary>Answered to <c>AT+CGSN=1</c>.</summary>
    public string Imei { get; init; } = "869976030000001";

    /// <summary>Answered to <c>AT+CGMR</c>, and the last line of <c>ATI</c>: the firmware revision.</summary>
    public string Revision { get; init; } = DefaultRevision;

    /// <summary>The revision of the virtual module as it is.</summary>
    public const string DefaultRevision = "M5310-A virtual 1.0";

    /// <summary>The rssi of <c>+CSQ</c>: 0..31, 99 unknown.</summary>
    public int Rssi { get; init; } = 24;

    /// <summary>The ber of <c>+CSQ</c>: 0..7, 99 unknown.</summary>
    public int Ber { get; init; } = 99;

    /// <summary>
    /// Where a CFG host:port really goes, e.g. <c>"183.230.40.39:6002"</c> → a local broker. Looked up first.
    /// </summary>
    public IReadOnlyDictionary<string, DnsEndPoint> HostMap { get; init; } = new Dictionary<string, DnsEndPoint>();

    /// <summary>Where every host:port not in <see cref="HostMap"/> goes; null: to the host and port as configured.</summary>
    public DnsEndPoint? DefaultBroker { get; init; }

    /// <summary>The <c>AT+MQTTTO</c> value at power-on (manual §1.9: 10 s).</summary>
    public TimeSpan AckTimeout { get; init; } = Protocol.Catalog.ProtocolCatalog.DefaultAckTimeout;

    /// <summary>Pause before each automatic reconnection attempt (manual §3.3.5: "every certain time").</summary>
    public TimeSpan ReconnectInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest command line in bytes; a longer one is answered <c>+CME ERROR: 601</c> at its line end.</summary>
    public int MaxLineLength { get; init; } = 2048;

    /// <summary>
    /// Module output a connection may leave unread (bytes); a client further behind is disconnected rather than
    /// let the emulator's memory grow without limit.
    /// </summary>
    public int MaxUnreadOutput { get; init; } = 1 << 20;

    /// <summary>The clock of every keep-alive, ACK timeout and reconnection.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The endpoint a CFG host and port lead to.</summary>
    public DnsEndPoint Resolve(string host, int port) =>
        HostMap.TryGetValue($"{host}:{port}", out var mapped) ? mapped : DefaultBroker ?? new DnsEndPoint(host, port);

    /// <summary>Throws when an option is out of its range, naming the option and the rule.</summary>
    public void Validate()
    {
        if (Rssi is (< 0 or > 31) and not 99) throw new ArgumentOutOfRangeException(nameof(Rssi), Rssi, "rssi must be 0..31 or 99.");
        if (Ber is (< 0 or > 7) and not 99) throw new ArgumentOutOfRangeException(nameof(Ber), Ber, "ber must be 0..7 or 99.");
        if (Imei.Length == 0 || Imei.AsSpan().IndexOfAnyExceptInRange('0', '9') >= 0)
            throw new ArgumentException($"The IMEI must be digits only, not \"{Imei}\".", nameof(Imei));
        if (PingReportsOnValue is not (0 or 1))
            throw new ArgumentOutOfRangeException(nameof(PingReportsOnValue), PingReportsOnValue, "must be 0 or 1.");
        if (MaxLineLength < 16) throw new ArgumentOutOfRangeException(nameof(MaxLineLength), MaxLineLength, "must be at least 16 bytes.");
        if (MaxUnreadOutput < 4096) throw new ArgumentOutOfRangeException(nameof(MaxUnreadOutput), MaxUnreadOutput, "must be at least 4096 bytes.");
        if (AckTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(AckTimeout), AckTimeout, "must be positive.");
        if (ReconnectInterval < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(ReconnectInterval), ReconnectInterval, "must not be negative.");
    }
}
