using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Timeline;
using Conformance.Fleet.Storage;

namespace Conformance.Fleet.Ingest;

/// <summary>
/// Analyses one log of a fleet into the tables through one connection, in one transaction with its row of
/// <c>logs</c>: a log is in the database whole or not at all. A log that cannot be read becomes an error row.
/// </summary>
internal static class LogIngest
{
    // Rows go to the tables as they are made; the analysis keeps only a few items of each list in detail.
    private const int StoredItems = 100;

    /// <summary>
    /// Ingests <paramref name="log"/> into the worker's <paramref name="batch"/>, replacing the rows it has when <paramref name="replace"/>;
    /// its row of <c>logs</c>, or a row per device of a log of several (<see cref="LogKeys.OfDevice(string, string, Func{string, bool})"/>),
    /// none of whose keys is one of <paramref name="files"/> (the keys of the run's files and of those the database holds); a
    /// device keyed otherwise for that is said to <paramref name="warn"/>.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was cancelled: nothing of the log is written, the rows it had stay.</exception>
    public static IReadOnlyList<LogRow> Run(IngestBatch batch, FleetLog log, FleetOptions options, IngestProgress progress, bool replace,
        IReadOnlySet<string> files, Action<string> warn, CancellationToken cancel)
    {
        // Appenders append in the connection's transaction: the rows a log had, its new rows and its logs row go
        // in at one commit, so a signal, a crash or a full disk midway leaves no half of a log behind.
        batch.Begin(alone: replace);
        IReadOnlyList<LogRow> rows;
        try
        {
            if (replace) batch.Forget(log.Key, FleetTables.All.Select(t => t.Name));
            rows = Analyse(batch, log, options, progress, files, warn, cancel);
        }
        catch (OperationCanceledException)
        {
            // Analyse left no rows of the log; one replaced gets back the rows it had.
            if (replace) batch.Rollback();
            batch.Left();
            throw;
        }
        foreach (var row in rows) batch.Sink(row.Log.Key).Log(row);
        batch.Done(rows[0].Size, alone: replace);
        return rows;
    }

    private static IReadOnlyList<LogRow> Analyse(IngestBatch batch, FleetLog log, FleetOptions options, IngestProgress progress, IReadOnlySet<string> files,
        Action<string> warn, CancellationToken cancel)
    {
        long size = 0;
        string? format = null;
        if (log.Error is { } found) return [Failed(log, 0, null, found)];
        try
        {
            size = log.Size;
            var source = LogSource.Open(log.Files, options.Format);
            format = LogFormatNames.NameOf(source.Format);
            if (source.IsEmpty) return [Failed(log, size, format, "the log is empty, nothing to analyse")];
            if (source.Channels is not null) return Devices(batch, log, source, size, format, options, progress, files, warn, cancel);
            var sink = batch.Sink(log.Key);
            Analysis analysis;
            Records records;
            progress.Reading(source);
            try
            {
                var builder = new TimelineBuilder(new AnalysisOptions { ShowSecrets = options.ShowSecrets, MaxStoredItems = StoredItems, Sink = sink, Format = source.Format });
                records = new Records(builder, cancel);
                source.Read(records);
                analysis = builder.Complete();
            }
            catch
            {
                // A log that breaks half-way (a damaged gzip stream) leaves no rows behind, only its error row.
                batch.Forget(log.Key, FleetTables.Items);
                throw;
            }
            finally
            {
                progress.Read(source);
            }
            if (!AtTraffic.Found(analysis))
            {
                batch.Forget(log.Key, FleetTables.Items);
                return [Failed(log, size, format, NoTraffic(format))];
            }
            return [new LogRow(log, size, format, sink.Identity.Device, sink.Identity.Firmware, records.FirstTime, records.LastTime, analysis.Summary, null)];
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            // Whatever one log does wrong is that log's error row, never the end of the job.
            return [Failed(log, size, format, e is LogReadException ? e.Message : $"{log.Files[^1]}: cannot be read: {e.Message}")];
        }
    }

    private static string NoTraffic(string format) => $"no AT traffic found (read as {format}); is it a log of the module's serial port?";

    /// <summary>
    /// A log of several devices (docs/analyzer.md): each device analysed as a log of its own into rows keyed
    /// <c>LOG#DEVICE</c>, a row of <c>logs</c> each, so statistics per device stay right. The devices are read at once,
    /// their rows written one device at a time.
    /// </summary>
    private static IReadOnlyList<LogRow> Devices(IngestBatch batch, FleetLog log, LogSource source, long size, string format, FleetOptions options,
        IngestProgress progress, IReadOnlySet<string> files, Action<string> warn, CancellationToken cancel)
    {
        var gate = new object();
        var devices = new Dictionary<string, (string Key, TableSink Sink, TimelineBuilder Builder, Records Records)>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        progress.Reading(source);
        try
        {
            var names = source.ReadChannels(name =>
            {
                var key = LogKeys.OfDevice(log.Key, name, k => files.Contains(k) || keys.Contains(k));
                keys.Add(key);
                if (key != LogKeys.OfDevice(log.Key, name))
                    warn($"{log.Key}: its device {name} is keyed {key}: {LogKeys.OfDevice(log.Key, name)} is another file's key");
                var sink = batch.DeviceSink(key);
                var builder = new TimelineBuilder(new AnalysisOptions { ShowSecrets = options.ShowSecrets, MaxStoredItems = StoredItems, Sink = sink, Format = source.Format });
                devices[name] = (key, sink, builder, new Records(builder, cancel, gate));
                return devices[name].Records;
            });
            var rows = new List<LogRow>();
            foreach (var name in names)
            {
                var (key, sink, builder, records) = devices[name];
                var analysis = builder.Complete();
                var device = log with { Key = key };
                rows.Add(AtTraffic.Found(analysis)
                    ? new LogRow(device, size, format, sink.Identity.Device, sink.Identity.Firmware, records.FirstTime, records.LastTime, analysis.Summary, null)
                    : Failed(device, size, format, NoTraffic(format)));
            }
            return rows;
        }
        catch
        {
            foreach (var (_, sink, _, _) in devices.Values) sink.Dispose();
            devices.Clear();
            batch.Forget(log.Key, FleetTables.Items);
            throw;
        }
        finally
        {
            // The devices' rows go into the tables, in the log's transaction.
            foreach (var (_, sink, _, _) in devices.Values) sink.Dispose();
            progress.Read(source);
        }
    }

    private static LogRow Failed(FleetLog log, long size, string? format, string error) =>
        new(log, size, format, null, null, null, null, null, ErrorCause.Of(log, error));

    /// <summary>
    /// The log's records on their way to the timeline: a cancelled run stops at the next record, also mid-log; the
    /// log's first and last times are those of every record with a time (a final OK, an information line), not of
    /// the commands and URCs alone.
    /// </summary>
    /// <remarks>The devices of a log of several are read at once: their timelines write into the tables one at a time, under <paramref name="gate"/>.</remarks>
    private sealed class Records(TimelineBuilder builder, CancellationToken cancel, object? gate = null) : IRecordSink
    {
        // Compared as instants (a log whose clock switched zone, Readers.LogZone), kept as written.
        private DateTimeOffset? _first, _last;

        /// <summary>The earliest time of the log, as written in it.</summary>
        public DateTime? FirstTime => _first?.DateTime;

        /// <summary>The latest time of the log.</summary>
        public DateTime? LastTime => _last?.DateTime;

        public void Add(in RecordView record)
        {
            cancel.ThrowIfCancellationRequested();
            if (record.Time is { } time)
            {
                if (_first is null || time < _first) _first = time;
                if (_last is null || time > _last) _last = time;
            }
            if (gate is null)
            {
                builder.Add(record);
                return;
            }
            lock (gate) builder.Add(record);
        }
    }
}
