namespace Conformance.Analyzer.Statistics;

/// <summary>Service-response times of one command, like a row of tshark's SRT table. Latencies in milliseconds; null when unknown.</summary>
/// <param name="Command">The command as grouped: <c>AT+MQTTPUB=</c>, <c>AT+MQTTSTAT?</c>, <c>AT</c>.</param>
/// <param name="Count">How many were sent.</param>
/// <param name="Ok">How many ended with OK.</param>
/// <param name="Errors">How many ended with ERROR or +CME ERROR.</param>
/// <param name="Timeouts">How many got no final result at all.</param>
public sealed record CommandStatistics(
    string Command, long Count, long Ok, long Errors, long Timeouts, double? MinMs, double? MedianMs, double? P95Ms, double? MaxMs);
