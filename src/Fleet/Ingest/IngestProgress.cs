using System.Collections.Concurrent;
using System.Diagnostics;
using Conformance.Analyzer.Readers;

namespace Conformance.Fleet.Ingest;

/// <summary>How far an ingest is: logs and bytes done, safe to read from another thread while workers run.</summary>
public sealed class IngestProgress(int logs, long bytes)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<LogSource, byte> reading = new();
    private long logsDone, bytesDone, failed;

    public int Logs { get; } = logs;

    public long Bytes { get; } = bytes;

    public long LogsDone => Interlocked.Read(ref logsDone);

    /// <summary>Bytes of the logs done and of those being read now.</summary>
    public long BytesDone => Interlocked.Read(ref bytesDone) + reading.Keys.Sum(source => source.BytesRead);

    /// <summary>Logs that became an error row.</summary>
    public long Failed => Interlocked.Read(ref failed);

    public TimeSpan Elapsed => clock.Elapsed;

    public double LogsPerSecond => LogsDone / Math.Max(Elapsed.TotalSeconds, 0.001);

    public double MegabytesPerSecond => BytesDone / 1e6 / Math.Max(Elapsed.TotalSeconds, 0.001);

    /// <summary>A worker starts reading <paramref name="source"/>: its bytes count as they are read.</summary>
    internal void Reading(LogSource source) => reading.TryAdd(source, 0);

    /// <summary>A worker is done with <paramref name="source"/>.</summary>
    internal void Read(LogSource source) => reading.TryRemove(source, out _);

    /// <summary>A log is in: its row, or its devices' rows (one file, counted once).</summary>
    internal void Done(IReadOnlyList<LogRow> rows)
    {
        Interlocked.Increment(ref logsDone);
        Interlocked.Add(ref bytesDone, rows[0].Size);
        if (rows.Any(row => row.Error is not null)) Interlocked.Increment(ref failed);
    }
}
