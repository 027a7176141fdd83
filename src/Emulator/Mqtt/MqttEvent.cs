namespace Conformance.Emulator.Mqtt;

/// <summary>Something the broker did that the module reports as a URC (spec §4): one record per packet kind.</summary>
public abstract record MqttEvent;

/// <summary>PUBACK for an outgoing QoS 1 publish → <c>+MQTTPUBACK</c>.</summary>
public sealed record PubAckReceived(ushort PacketId) : MqttEvent;

/// <summary>PUBREC for an outgoing QoS 2 publish → <c>+MQTTPUBREC</c>; the back end has already queued the PUBREL.</summary>
public sealed record PubRecReceived(ushort PacketId) : MqttEvent;

/// <summary>PUBCOMP, the end of an outgoing QoS 2 publish → <c>+MQTTPUBCOMP</c>.</summary>
public sealed record PubCompReceived(ushort PacketId) : MqttEvent;

/// <summary>
/// An incoming PUBLISH → <c>+MQTTPUBLISH</c>. The back end answers it (PUBACK for QoS 1, PUBREC for QoS 2);
/// <see cref="PacketId"/> is the broker's id, 0 for QoS 0.
/// </summary>
public sealed record PublishReceived(bool Dup, MqttQos Qos, bool Retain, ushort PacketId, string Topic, byte[] Payload) : MqttEvent;

/// <summary>PUBREL for an incoming QoS 2 publish → <c>+MQTTPUBREL</c>; the back end answers it with PUBCOMP.</summary>
public sealed record PubRelReceived(ushort PacketId) : MqttEvent;

/// <summary>SUBACK → <c>+MQTTSUBACK</c>; <see cref="ReturnCode"/> is the granted QoS 0..2 or 0x80 for failure.</summary>
public sealed record SubAckReceived(ushort PacketId, byte ReturnCode) : MqttEvent;

/// <summary>UNSUBACK → <c>+MQTTUNSUBACK</c>.</summary>
public sealed record UnsubAckReceived(ushort PacketId) : MqttEvent;

/// <summary>PINGRESP → <c>+MQTTPINGRSP</c> when ping reports are on.</summary>
public sealed record PingRespReceived : MqttEvent;

/// <summary>The connection broke without the module asking for it (socket closed or failed, broker misbehaved).</summary>
public sealed record ConnectionLost(string Reason) : MqttEvent;
