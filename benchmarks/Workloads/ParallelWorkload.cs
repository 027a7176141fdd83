using Conformance.Corpora;

namespace Conformance.Benchmarks.Workloads;

/// <summary>
/// Many logs analysed at once, one analysis per log, as a fleet run does: 100 Tera Term-style logs of 256 KiB saved
/// as files, analysed by one worker and by two. Two workers on two cores should take about half the time.
/// </summary>
public sealed class ParallelWorkload
{
    public const int Logs = 100;
    public const int LogBytes = 256 * 1024;

    private readonly string _directory = Directory.CreateTempSubdirectory("m5310a-fleet-").FullName;
    private readonly string[] _files;

    public ParallelWorkload()
    {
        var log = TimestampedLog.Generate(LogBytes).Bytes;
        _files = [.. Enumerable.Range(0, Logs).Select(i => Path.Combine(_directory, $"device-{i:000}.log"))];
        foreach (var file in _files) File.WriteAllBytes(file, log);
    }


    /// <summary>Analyses every log with <paramref name="workers"/> logs at a time; returns the URCs so nothing is optimised away.</summary>
    public long Analyze(int workers)
    {
        long urcs = 0;
        Parallel.ForEach(_files, new ParallelOptions { MaxDegreeOfParallelism = workers },
            file => Interlocked.Add(ref urcs, AnalyzerWorkload.Analyze(file)));
        return urcs;
    }

    /// <summary>What one pass over all logs reads, without writing them.</summary>
    public sealed class Sizes
    {
        private readonly byte[] _log = TimestampedLog.Generate(LogBytes).Bytes;

        public long Bytes => (long)Logs * _log.Length;

        public long Lines => (long)Logs * ReferenceScans.BareScan(_log);
    }

    /// <summary>Deletes the logs.</summary>
    public void Delete() => Directory.Delete(_directory, recursive: true);
}
