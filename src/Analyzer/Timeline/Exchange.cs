namespace Conformance.Analyzer.Timeline;

/// <summary>One command and its answer: echo dropped, information lines, final result and latency.</summary>
/// <param name="Line">Log line of the command.</param>
/// <param name="Time">When the command was sent, if the log says.</param>
/// <param name="Command">The command line as sent, with secrets redacted unless asked otherwise.</param>
/// <param name="Final">OK, ERROR or +CME ERROR: n as received; null when no final result came.</param>
/// <param name="LatencyMs">From command to final result; null when unknown (no times, or no final result).</param>
/// <param name="Information">The information lines of the answer, in order.</param>
public sealed record Exchange(
    long Line, DateTimeOffset? Time, string Command, string? Final, double? LatencyMs, IReadOnlyList<string> Information);
