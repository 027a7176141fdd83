using System.Diagnostics;
using DuckDB.NET.Data;

namespace Conformance.Fleet.Ingest;

/// <summary>
/// A worker's connection and the transaction its logs go into. A commit waits for the disk, which costs more than
/// analysing a small log: logs share commits, up to a number, a size and an age. Each log is still in whole or not
/// at all: a log stopped midway leaves no rows in the batch, and a batch cut by a failure is not committed.
/// </summary>
internal sealed class IngestBatch(DuckDBConnection connection, bool showSecrets) : IDisposable
{
    private const int MaxLogs = 64;
    private const long MaxBytes = 32 << 20;
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);   // the logs done are in the database soon after

    private DuckDBTransaction? _transaction;
    private int _logs;
    private long _bytes;
    private long _begun;
    private bool _inLog;   // a log's rows are going in: the batch is not whole until it is done or its rows are gone
    private TableSink? _sink;   // appenders, open across the logs of the transaction

    /// <summary>The appenders of the transaction, their rows from now on the log <paramref name="key"/>'s.</summary>
    public TableSink Sink(string key) => (_sink ??= new TableSink(connection, showSecrets)).Begin(key);

    /// <summary>
    /// Appenders of their own for one device of a log of several (<see cref="LogKeys.OfDevice(string, string)"/>), in the transaction:
    /// the devices are read at once, each into its sink. Dispose them before the log is done.
    /// </summary>
    public TableSink DeviceSink(string key) => new TableSink(connection, showSecrets).Begin(key);

    /// <summary>
    /// Removes the rows the log <paramref name="key"/> has in <paramref name="tables"/> (a failed read, or a log ingested
    /// again), also those of its devices when it holds several.
    /// </summary>
    public void Forget(string key, IEnumerable<string> tables)
    {
        Flush();   // rows still in an appender are not in the table yet
        foreach (var table in tables)
            // A device's key starts with the log's (its `#` escaped) and `#`; so may another file's key (`gw.log#old.log` beside
            // `gw.log`), which ends its own path: that file's rows stay. That file's devices (`gw.log\#old.log#…`) do not.
            Storage.FleetDatabase.Execute(connection,
                $"DELETE FROM {table} WHERE log = $1 OR starts_with(log, $2) AND log NOT IN " +
                $"(SELECT log FROM {Storage.FleetTables.Logs} WHERE starts_with(log, $2) AND (files = log OR ends_with(files, '/' || log)))",
                key, LogKeys.OfDevice(key, ""));
    }

    private void Flush()
    {
        _sink?.Dispose();
        _sink = null;
    }

    /// <summary>A log starts going in; <paramref name="alone"/> gives it a transaction of its own (a log replaced, which keeps its rows if stopped).</summary>
    public void Begin(bool alone)
    {
        if (alone) Commit();
        _transaction ??= Start();
        _inLog = true;
    }

    /// <summary>The log is in whole (<paramref name="bytes"/> read); the batch is committed when it is full, old or the log went alone.</summary>
    public void Done(long bytes, bool alone)
    {
        (_inLog, _logs, _bytes) = (false, _logs + 1, _bytes + bytes);
        if (alone || _logs >= MaxLogs || _bytes >= MaxBytes || Stopwatch.GetElapsedTime(_begun) >= MaxAge) Commit();
    }

    /// <summary>The log stopped midway and its rows are gone: the batch is whole again.</summary>
    public void Left() => _inLog = false;

    /// <summary>Takes back everything since the last commit (a log replaced alone, stopped midway, gets its old rows back).</summary>
    public void Rollback()
    {
        Flush();
        _transaction?.Rollback();
        End();
    }

    private DuckDBTransaction Start()
    {
        (_logs, _bytes, _begun) = (0, 0, Stopwatch.GetTimestamp());
        return connection.BeginTransaction();
    }

    private void Commit()
    {
        Flush();
        _transaction?.Commit();
        End();
    }

    private void End()
    {
        _transaction?.Dispose();
        _transaction = null;
    }

    /// <summary>Commits the logs done, unless a log was cut midway by a failure; then closes the connection.</summary>
    public void Dispose()
    {
        try
        {
            if (_inLog) Rollback();
            else Commit();
        }
        finally
        {
            _sink = null;
            End();
            connection.Dispose();
        }
    }
}
