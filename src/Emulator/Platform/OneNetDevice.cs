namespace Conformance.Emulator.Platform;

/// <summary>A device registered on the platform: its product and its API key (OneNET's MQTT user name and password).</summary>
public sealed record OneNetDevice(string DeviceId, string ProductId, string ApiKey);
