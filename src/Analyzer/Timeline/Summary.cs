namespace Conformance.Analyzer.Timeline;

/// <summary>The counts of a whole log; they cover everything, also what was not stored in detail.</summary>
/// <param name="Commands">Commands sent.</param>
/// <param name="Ok">Commands answered with OK.</param>
/// <param name="Errors">Commands answered with ERROR or +CME ERROR.</param>
/// <param name="Unanswered">Commands that got no final result.</param>
/// <param name="Urcs">URCs received.</param>
/// <param name="Reconnects">Reconnection episodes.</param>
/// <param name="Diagnostics">Diagnostics raised (also those not stored).</param>
/// <param name="Omitted">Items not stored in detail because a list reached <see cref="AnalysisOptions.MaxStoredItems"/>.</param>
public sealed record Summary(long Commands, long Ok, long Errors, long Unanswered, long Urcs, long Reconnects, long Diagnostics, long Omitted);
