using Conformance.Emulator.Mqtt;

namespace Conformance.Emulator.Platform;

/// <summary>One publish a device made to <c>$dp</c>: the raw payload (type byte, length, content; spec §6), undecoded.</summary>
public sealed record DataPointUpload(string DeviceId, byte[] Payload, MqttQos Qos, DateTimeOffset ReceivedAt);
