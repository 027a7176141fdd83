namespace Conformance.Emulator.Mqtt;

/// <summary>The last-will message of a CONNECT (the will flag is set exactly when one is given).</summary>
public sealed record MqttWill(string Topic, byte[] Message, MqttQos Qos, bool Retain);
