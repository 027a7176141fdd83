using Conformance.Fleet.Storage;
using DuckDB.NET.Data;

namespace Conformance.Fleet.Export;

/// <summary>
/// Writes every fleet table as Parquet, partitioned by the day of its log's first time:
/// <c>OUT/exchanges/day=2026-03-01/data_0.parquet</c>, so that Spark, Trino or DuckDB read <c>OUT/exchanges</c> as one dataset.
/// </summary>
public static class ParquetExport
{
    /// <summary>The folders the export writes under <c>OUT</c>, one per table.</summary>
    public static IEnumerable<string> Folders => FleetTables.All.Select(t => t.Name);

    /// <summary>Writes the tables of <paramref name="connection"/> into <paramref name="directory"/>, replacing the table folders there.</summary>
    public static void Write(DuckDBConnection connection, string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var (table, _) in FleetTables.All)
        {
            var folder = Path.Combine(Path.GetFullPath(directory), table);
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            // Item tables get their log's day; logs has it already.
            var rows = table == FleetTables.Logs
                ? $"SELECT * FROM {table} ORDER BY log"
                : $"SELECT t.*, l.day FROM {table} t JOIN {FleetTables.Logs} l USING (log) ORDER BY t.log, t.line";
            if (IsEmpty(connection, table))
            {
                // No rows: one empty file keeps the table's columns for the engines that read it.
                Directory.CreateDirectory(Path.Combine(folder, $"day={FleetTables.Undated}"));
                FleetDatabase.Execute(connection,
                    $"COPY (SELECT * EXCLUDE (day) FROM ({rows})) TO {FleetDatabase.Literal(Path.Combine(folder, $"day={FleetTables.Undated}", "data_0.parquet"))} (FORMAT parquet)");
                continue;
            }
            FleetDatabase.Execute(connection, $"COPY ({rows}) TO {FleetDatabase.Literal(folder)} (FORMAT parquet, PARTITION_BY (day))");
        }
    }

    private static bool IsEmpty(DuckDBConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT NOT EXISTS (SELECT 1 FROM {table})";
        return command.ExecuteScalar() is true;
    }
}
