using Conformance.Protocol.Responses;

namespace Conformance.Analyzer.Timeline;

/// <summary>The MQTT session moved to another of the six <c>AT+MQTTSTAT</c> states, as inferred from the traffic.</summary>
/// <param name="From">The state before; null when it was not known yet (a log starting mid-session).</param>
/// <param name="Cause">The command or URC that moved it, e.g. <c>+MQTTOPEN: OK</c>.</param>
public sealed record StateChange(long Line, DateTimeOffset? Time, MqttState? From, MqttState To, string Cause);
