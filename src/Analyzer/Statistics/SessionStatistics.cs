namespace Conformance.Analyzer.Statistics;

/// <summary>The figures of a whole log: per command, per URC, and the MQTT session's time up and its drops.</summary>
/// <param name="UptimeMs">Time spent connected (state 5), in milliseconds; null when the log has no times.</param>
/// <param name="Drops">How often a connection was lost without AT+MQTTDISC.</param>
public sealed record SessionStatistics(IReadOnlyList<CommandStatistics> Commands, IReadOnlyList<UrcCount> Urcs, double? UptimeMs, long Drops);
