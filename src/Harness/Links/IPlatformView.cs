using Conformance.Protocol.OneNet;

namespace Conformance.Harness.Links;

/// <summary>
/// A target whose OneNET platform side the harness can see and use: what a device uploaded to <c>$dp</c>, and
/// commands sent on <c>$creq/&lt;uuid&gt;</c>. Declared as <see cref="Capabilities.BrokerView"/>.
/// </summary>
public interface IPlatformView
{
    /// <summary>The data points <paramref name="deviceId"/> uploaded so far, decoded, in arrival order.</summary>
    IReadOnlyList<DataPoint> DataPointsOf(string deviceId);

    /// <summary>Sends <paramref name="payload"/> to the connected device on <c>$creq/&lt;uuid&gt;</c>.</summary>
    Task SendCommandAsync(string deviceId, string uuid, ReadOnlyMemory<byte> payload);
}
