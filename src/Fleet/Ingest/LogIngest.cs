using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Timeline;
using Conformance.Fleet.Storage;
using DuckDB.NET.Data;

namespace Conformance.Fleet.Ingest;

/// <summary>Analyses one log of a fleet into the tables through one connection; a log that cannot be read becomes an error row.</summary>
internal static class LogIngest
{
    // Rows go to the tables as they are made; the analysis keeps only a few items of each list in detail.
    private const int StoredItems = 100;

    public static LogRow Run(DuckDBConnection connection, FleetLog log, FleetOptions options, IngestProgress progress)
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
            var sink = new TableSink(connection, log.Key, options.ShowSecrets);
            Analysis analysis;
            progress.Reading(source);
            try
            {
                analysis = TimelineBuilder.Analyze(source, new AnalysisOptions { ShowSecrets = options.ShowSecrets, MaxStoredItems = StoredItems, Sink = sink });
            }
            catch
            {
                // A log that breaks half-way (a damaged gzip stream) leaves no rows behind, only its error row.
                sink.Dispose();
                Forget(connection, log.Key);
                throw;
            }
            finally
            {
                progress.Read(source);
            }
            sink.Dispose();
            if (!AtTraffic.Found(analysis))
            {
                Forget(connection, log.Key);
                return Failed(log, size, format, $"no AT traffic found (read as {format}); is it a log of the module's serial port?");
            }
            return new LogRow(log, size, format, sink.Identity.Device, sink.Identity.Firmware, sink.FirstTime, sink.LastTime, analysis.Summary, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever one log does wrong is that log's error row, never the end of the job.
            return Failed(log, size, format, e is LogReadException ? e.Message : $"{log.Files[^1]}: cannot be read: {e.Message}");
        }
    }

    /// <summary>Removes the rows a log had in the item tables (a failed read, or a log ingested again).</summary>
    public static void Forget(DuckDBConnection connection, string key)
    {
        foreach (var table in FleetTables.Items) FleetDatabase.Execute(connection, $"DELETE FROM {table} WHERE log = $1", key);
    }

    private static LogRow Failed(FleetLog log, long size, string? format, string error) =>
        new(log, size, format, null, null, null, null, null, error);
}
