namespace Conformance.Analyzer.Timeline;

/// <summary>
/// One episode of automatic reconnection (manual §3.3.5): ping timeouts <c>+MQTTTO: 5</c>, attempts
/// <c>+MQTTREC: n</c>, and how it ended.
/// </summary>
/// <param name="Line">Log line of the first sign of the lost connection.</param>
/// <param name="EndLine">Log line of the URC that ended it (the last line of the log when unfinished).</param>
/// <param name="DurationMs">From first sign to end; null without times.</param>
public sealed record Reconnection(
    long Line, DateTimeOffset? Time, long EndLine, int Timeouts, int Attempts, ReconnectionOutcome Outcome, double? DurationMs);
