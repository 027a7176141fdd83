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

    /// <summary>Ingests <paramref name="log"/> into the worker's <paramref name="batch"/>, replacing the rows it has when <paramref name="replace"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was cancelled: nothing of the log is written, the rows it had stay.</exception>
    public static LogRow Run(IngestBatch batch, FleetLog log, FleetOptions options, IngestProgress progress, bool replace, CancellationToken cancel)
    {
        // Appenders append in the connection's transaction: the rows a log had, its new rows and its logs row go
        // in at one commit, so a signal, a crash or a full disk midway leaves no half of a log behind.
        batch.Begin(alone: replace);
        LogRow row;
        try
        {
            if (replace) batch.Forget(log.Key, FleetTables.All.Select(t => t.Name));
            row = Analyse(batch, log, options, progress, cancel);
        }
        catch (OperationCanceledException)
        {
            // Analyse left no rows of the log; one replaced gets back the rows it had.
            if (replace) batch.Rollback();
            batch.Left();
            throw;
        }
        batch.Sink(log.Key).Log(row);
        batch.Done(row.Size, alone: replace);
        return row;
    }

    private static LogRow Analyse(IngestBatch batch, FleetLog log, FleetOptions options, IngestProgress progress, CancellationToken cancel)
    {
        long size = 0;
        string? format = null;
        if (log.Error is { } found) return Failed(log, 0, null, found);
        try
        {
            size = log.Size;
            var source = LogSource.Open(log.Files, options.Format);
            format = LogFormatNames.NameOf(source.Format);
            if (source.IsEmpty) return Failed(log, size, format, "the log is empty, nothing to analyse");
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
                return Failed(log, size, format, $"no AT traffic found (read as {format}); is it a log of the module's serial port?");
            }
            return new LogRow(log, size, format, sink.Identity.Device, sink.Identity.Firmware, records.FirstTime, records.LastTime, analysis.Summary, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            // Whatever one log does wrong is that log's error row, never the end of the job.
            return Failed(log, size, format, e is LogReadException ? e.Message : $"{log.Files[^1]}: cannot be read: {e.Message}");
        }
    }

    private static LogRow Failed(FleetLog log, long size, string? format, string error) =>
        new(log, size, format, null, null, null, null, null, error);

    /// <summary>
    /// The log's records on their way to the timeline: a cancelled run stops at the next record, also mid-log; the
    /// log's first and last times are those of every record with a time (a final OK, an information line), not of
    /// the commands and URCs alone.
    /// </summary>
    private sealed class Records(TimelineBuilder builder, CancellationToken cancel) : IRecordSink
    {
        /// <summary>The earliest time of the log, as written in it.</summary>
        public DateTime? FirstTime { get; private set; }

        /// <summary>The latest time of the log.</summary>
        public DateTime? LastTime { get; private set; }

        public void Add(in RecordView record)
        {
            cancel.ThrowIfCancellationRequested();
            if (record.Time is { } time)
            {
                var written = time.DateTime;
                if (FirstTime is null || written < FirstTime) FirstTime = written;
                if (LastTime is null || written > LastTime) LastTime = written;
            }
            builder.Add(record);
        }
    }
}
