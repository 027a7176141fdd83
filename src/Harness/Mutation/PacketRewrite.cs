using MQTTnet.Packets;

namespace Conformance.Harness.Mutation;

/// <summary>
/// One run's MQTT side of a mutant: what the broker gets instead of each packet the module sends, and what the module
/// reads instead of each packet the broker sends (a firmware that takes one acknowledgement for another). Each returns
/// the packet itself to leave it alone, null when it is never sent or never read.
/// </summary>
/// <param name="ToBroker">Each packet the module sends, as the broker gets it.</param>
/// <param name="ToModule">Each packet the broker sends, as the module reads it; null to leave them all alone.</param>
public sealed record PacketRewrite(Func<MqttPacket, MqttPacket?> ToBroker, Func<MqttPacket, MqttPacket?>? ToModule = null);
