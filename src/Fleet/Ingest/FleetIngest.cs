using Conformance.Fleet.Storage;
using DuckDB.NET.Data;

namespace Conformance.Fleet.Ingest;

/// <summary>
/// Analyses many logs into one fleet database, one worker per log on every core: each worker has its own
/// connection and streams its log's rows through appenders, so memory stays bounded per worker, and its logs
/// share commits (<see cref="IngestBatch"/>).
/// </summary>
public static class FleetIngest
{
    /// <summary>
    /// Ingests <paramref name="logs"/> on <paramref name="jobs"/> workers into the database at <paramref name="database"/>;
    /// a log ingested before is replaced, a log whose key another file has there is keyed by its full path (said to <paramref name="warn"/>).
    /// </summary>
    /// <returns>
    /// One row per log, as written to <c>logs</c>, in the order of <paramref name="logs"/>; a log of several devices gives a
    /// row per device, keyed <c>LOG#DEVICE</c>.
    /// </returns>
    /// <exception cref="OperationCanceledException">
    /// <paramref name="cancel"/> was cancelled: the logs done are in the database, each whole; the others are as they were.
    /// </exception>
    public static IReadOnlyList<LogRow> Run(string database, IReadOnlyList<FleetLog> logs, int jobs, FleetOptions options, IngestProgress progress,
        Action<string> warn, CancellationToken cancel)
    {
        using var connection = FleetDatabase.Open(database);
        FleetDatabase.CreateTables(connection);
        ForgetHalves(connection);
        (logs, var stored) = StoredKeys.Assign(connection, logs, database, options.ShowSecrets, warn);
        // A device's key is none of these (a file gw.log#modem1 beside gw.log, which holds a device modem1).
        var files = logs.Select(log => log.Key).Concat(stored).ToHashSet(StringComparer.Ordinal);
        var said = new object();
        void Warn(string warning)
        {
            lock (said) warn(warning);
        }
        var rows = new IReadOnlyList<LogRow>[logs.Count];
        // Largest first, so that one big log does not start last and keep a single core busy at the end.
        var order = Enumerable.Range(0, logs.Count).OrderByDescending(i => logs[i].Files.Sum(FleetLog.SizeOf)).ToList();
        try
        {
            Parallel.ForEach(order, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = cancel },
                () => new IngestBatch(FleetDatabase.Open(database), options.ShowSecrets),
                (index, _, batch) =>
                {
                    rows[index] = LogIngest.Run(batch, logs[index], options, progress, stored.Contains(logs[index].Key), files, Warn, cancel);
                    progress.Done(rows[index]);
                    return batch;
                },
                batch => batch.Dispose());
        }
        catch (AggregateException e) when (cancel.IsCancellationRequested && e.InnerExceptions.All(inner => inner is OperationCanceledException))
        {
            throw new OperationCanceledException(cancel);
        }
        return [.. rows.SelectMany(row => row)];
    }

    // Item rows of a log without its logs row: what a run of an older version left when it was stopped midway.
    private static void ForgetHalves(DuckDBConnection connection)
    {
        foreach (var table in FleetTables.Items)
            FleetDatabase.Execute(connection, $"DELETE FROM {table} WHERE log NOT IN (SELECT log FROM {FleetTables.Logs})");
    }
}
