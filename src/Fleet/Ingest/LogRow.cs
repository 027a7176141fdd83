using System.Globalization;
using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Timeline;
using Conformance.Fleet.Storage;

namespace Conformance.Fleet.Ingest;

/// <summary>One row of the <c>logs</c> table: what a log is and what was found in it, or why it could not be read.</summary>
/// <param name="Summary">The log's counts; null when it could not be read.</param>
/// <param name="Error">Why the log could not be read; null when it was.</param>
public sealed record LogRow(
    FleetLog Log, long Size, string? Format, string? Device, string? Firmware, DateTime? FirstTime, DateTime? LastTime,
    Summary? Summary, string? Error)
{
    /// <summary>
    /// The partition: the day of the log's first time (<c>yyyy-MM-dd</c>), or <c>undated</c> when the log has no
    /// times or only times of day (whose days count from the reader's base date, no real date).
    /// </summary>
    public string Day => FirstTime is { } first && LogRecord.IsDated(first)
        ? first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : FleetTables.Undated;
}
