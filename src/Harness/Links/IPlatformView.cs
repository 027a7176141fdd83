using Conformance.Protocol.OneNet;

namespace Conformance.Harness.Links;

/// <summary>
/// A target whose OneNET platform side the harness can see and use: what a device uploaded to <c>$dp</c>, and
/// commands sent on <c>$creq/&lt;uuid&gt;</c>, the packet ids the module put on the wire. Declared as <see cref="Capabilities.BrokerView"/>.
/// </summary>
public interface IPlatformView
{
    /// <summary>The data points <paramref name="deviceId"/> uploaded so far, decoded, in arrival order.</summary>
    IReadOnlyList<DataPoint> DataPointsOf(string deviceId);

    /// <summary>Sends <paramref name="payload"/> to the connected device on <c>$creq/&lt;uuid&gt;</c>.</summary>
    Task SendCommandAsync(string deviceId, string uuid, ReadOnlyMemory<byte> payload);

    /// <summary>
    /// The packet ids of the QoS 1 and 2 PUBLISH packets the module sent to the broker so far, as on the wire, in
    /// order; null when this target cannot see its packets.
    /// </summary>
    IReadOnlyList<int>? PublishIdsSent();
}
