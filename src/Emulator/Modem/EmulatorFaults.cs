using Conformance.Emulator.Faults;

namespace Conformance.Emulator.Modem;

/// <summary>
/// Faults a test or user switches on at run time. Broker-side faults act on the <see cref="FaultProxy"/> the
/// module's connections go through; <see cref="UplinkBusy"/> acts in the module itself.
/// Bad credentials are not a switch: register the device on the platform and open with a wrong key.
/// </summary>
public sealed class EmulatorFaults(FaultProxy? proxy = null)
{
    // The broker's answers the module waits for with an AT+MQTTTO timer.
    private static readonly MqttPacketType[] Acks =
        [MqttPacketType.ConnAck, MqttPacketType.PubAck, MqttPacketType.PubRec, MqttPacketType.PubComp, MqttPacketType.SubAck, MqttPacketType.UnsubAck];

    private volatile bool _uplinkBusy;
    private bool _acksDelayed;

    /// <summary>Every <c>AT+MQTTPUB</c> is answered <c>+CME ERROR: 652</c> while on.</summary>
    public bool UplinkBusy
    {
        get => _uplinkBusy;
        set => _uplinkBusy = value;
    }

    /// <summary>New connections to the broker are refused: OPEN fails and reconnection gives up.</summary>
    public bool BrokerUnreachable
    {
        get => Proxy.RefuseConnections;
        set => Proxy.RefuseConnections = value;
    }

    /// <summary>The broker stops answering PINGREQ: three keep-alives later the module reconnects.</summary>
    public bool PingUnanswered
    {
        get => Proxy.SwallowPingResp;
        set => Proxy.SwallowPingResp = value;
    }

    /// <summary>True while CONNACK, PUBACK, PUBREC, PUBCOMP, SUBACK and UNSUBACK are held back (see <see cref="DelayAcks"/>).</summary>
    public bool AcksDelayed => _acksDelayed;

    /// <summary>Holds the broker's ACKs back, so they arrive after the module's ACK timeout, until <see cref="ReleaseAcksAsync"/>.</summary>
    public void DelayAcks()
    {
        foreach (var type in Acks) Proxy.Hold(type);
        _acksDelayed = true;
    }

    /// <summary>Delivers the held ACKs (late) and stops holding them.</summary>
    public async Task ReleaseAcksAsync()
    {
        _acksDelayed = false;
        foreach (var type in Acks) await Proxy.ReleaseAsync(type);
    }

    /// <summary>Cuts the module's open connection as a network failure would; the module starts reconnecting.</summary>
    public Task DropConnectionAsync() => Proxy.DropConnectionsAsync();

    private FaultProxy Proxy => proxy ??
        throw new InvalidOperationException("Broker-side faults need the fault proxy: start the module through EmulatorHost.");
}
