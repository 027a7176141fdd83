namespace Conformance.Harness.Links;

/// <summary>
/// A target whose broker side the harness can break on purpose, to provoke what a module only does on a bad
/// day: ping timeouts, late ACKs, lost connections, reconnection, a QoS granted below the one asked. Declared as <see cref="Capabilities.BrokerControl"/>.
/// </summary>
public interface IBrokerControl
{
    /// <summary>The broker stops answering PINGREQ (manual §3.3.5).</summary>
    void StopAnsweringPings();

    /// <summary>CONNACK, PUBACK, PUBREC, PUBCOMP, SUBACK and UNSUBACK are held back until <see cref="ReleaseAcksAsync"/>.</summary>
    void HoldAcks();

    /// <summary>Delivers the held ACKs, late, and stops holding them.</summary>
    Task ReleaseAcksAsync();

    /// <summary>Cuts the module's open connection as a network failure would.</summary>
    Task DropConnectionAsync();

    /// <summary>New connections to the broker are refused.</summary>
    void MakeUnreachable();

    /// <summary>The module's uplink is busy: publishes are refused (<c>+CME ERROR: 652</c>).</summary>
    void MakeUplinkBusy();

    /// <summary>The broker grants every subscription at most QoS <paramref name="qos"/> (0..2), as MQTT lets a server do.</summary>
    void GrantAtMost(int qos);

    /// <summary>Undoes what the steps switched on, back to how the target was opened.</summary>
    Task RestoreAsync();
}
