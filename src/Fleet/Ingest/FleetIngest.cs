using Conformance.Fleet.Storage;
using DuckDB.NET.Data;

namespace Conformance.Fleet.Ingest;

/// <summary>
/// Analyses many logs into one fleet database, one worker per log on every core: each worker has its own
/// connection and streams its log's rows through appenders, so memory stays bounded per worker.
/// </summary>
public static class FleetIngest
{
    /// <summary>
    /// Ingests <paramref name="logs"/> on <paramref name="jobs"/> workers into the database at <paramref name="database"/>;
    /// a log ingested before is replaced, a log whose key another file has there is keyed by its full path (said to <paramref name="warn"/>).
    /// </summary>
    /// <returns>One row per log, as written to <c>logs</c>, in the order of <paramref name="logs"/>.</returns>
    public static IReadOnlyList<LogRow> Run(string database, IReadOnlyList<FleetLog> logs, int jobs, FleetOptions options, IngestProgress progress, Action<string> warn)
    {
        using var connection = FleetDatabase.Open(database);
        FleetDatabase.CreateTables(connection);
        logs = StoredKeys.Assign(connection, logs, database, options.ShowSecrets, warn);
        ForgetAgain(connection, logs);
        var rows = new LogRow[logs.Count];
        // Largest first, so that one big log does not start last and keep a single core busy at the end.
        var order = Enumerable.Range(0, logs.Count).OrderByDescending(i => logs[i].Files.Sum(SizeOf)).ToList();
        Parallel.ForEach(order, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) },
            () => FleetDatabase.Open(database),
            (index, _, worker) =>
            {
                rows[index] = LogIngest.Run(worker, logs[index], options, progress);
                progress.Done(rows[index]);
                return worker;
            },
            worker => worker.Dispose());
        using (var appender = connection.CreateAppender(FleetTables.Logs))
            foreach (var row in rows) LogsTable.Append(appender, row, options.ShowSecrets);
        return rows;
    }

    // Logs ingested into this database before are replaced, not doubled.
    private static void ForgetAgain(DuckDBConnection connection, IReadOnlyList<FleetLog> logs)
    {
        using var check = connection.CreateCommand();
        check.CommandText = $"SELECT count(*) FROM {FleetTables.Logs}";
        if (Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0) return;
        FleetDatabase.Execute(connection, "CREATE OR REPLACE TEMP TABLE ingest_keys (log VARCHAR)");
        using (var keys = connection.CreateAppender("ingest_keys"))
            foreach (var log in logs) keys.CreateRow().AppendValue(log.Key).EndRow();
        foreach (var (table, _) in FleetTables.All)
            FleetDatabase.Execute(connection, $"DELETE FROM {table} WHERE log IN (SELECT log FROM ingest_keys)");
    }

    private static long SizeOf(string file)
    {
        try
        {
            return new FileInfo(file).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
