namespace Conformance.Emulator.Mqtt;

/// <summary>MQTT quality of service, numbered as on the wire and in the AT commands (0..2).</summary>
public enum MqttQos : byte
{
    AtMostOnce = 0,
    AtLeastOnce = 1,
    ExactlyOnce = 2,
}
