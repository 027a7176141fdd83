using Conformance.Protocol.Secrets;
using DuckDB.NET.Data;

namespace Conformance.Fleet.Ingest;

/// <summary>Writes <see cref="LogRow"/>s to the <c>logs</c> table; its strings (paths, answers, errors) go through the secret policy.</summary>
internal static class LogsTable
{
    public static void Append(DuckDBAppender appender, LogRow row, bool showSecrets)
    {
        string? Masked(string? text) => text is null || showSecrets ? text : SecretPolicy.Redact(text);
        var summary = row.Summary;
        appender.CreateRow()
            .AppendValue(row.Log.Key).AppendValue(Masked(string.Join('\n', row.Log.Files))).AppendValue(row.Format).AppendValue(row.Size)
            .AppendValue(Masked(row.Device)).AppendValue(Masked(row.Firmware)).AppendValue(row.FirstTime).AppendValue(row.LastTime)
            .AppendValue(summary?.Commands).AppendValue(summary?.Ok).AppendValue(summary?.Errors).AppendValue(summary?.Unanswered)
            .AppendValue(summary?.Urcs).AppendValue(summary?.Reconnects).AppendValue(summary?.Diagnostics)
            .AppendValue(Masked(row.Error)).AppendValue(row.Day)
            .EndRow();
    }
}
