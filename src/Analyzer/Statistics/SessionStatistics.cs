using Conformance.Analyzer.Diagnostics;

namespace Conformance.Analyzer.Statistics;

/// <summary>The figures of a whole log: per command, per URC, per diagnostic code, and the MQTT session's time up and its drops.</summary>
/// <param name="UptimeMs">Time spent connected (state 5), in milliseconds; null when the log has no times.</param>
/// <param name="Drops">How often a connection was lost without AT+MQTTDISC.</param>
/// <param name="Diagnostics">How many diagnostics of each code were raised, also those not kept in detail; most severe first.</param>
public sealed record SessionStatistics(IReadOnlyList<CommandStatistics> Commands, IReadOnlyList<UrcCount> Urcs, double? UptimeMs, long Drops,
    IReadOnlyList<DiagnosticCount> Diagnostics);
