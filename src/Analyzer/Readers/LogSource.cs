namespace Conformance.Analyzer.Readers;

/// <summary>
/// A captured log opened for reading: one file or the files of a rotated log (oldest first), its format
/// (detected or forced) and a streaming sequence of <see cref="LogRecord"/>s with read progress.
/// </summary>
/// <remarks>Files are read through a fixed buffer, never whole, so memory does not grow with their size.</remarks>
public sealed class LogSource
{
    private long bytesRead;

    private LogSource(IReadOnlyList<string> files, FormatGuess detection, LogFormat format, long totalBytes)
    {
        Files = files;
        Detection = detection;
        Format = format;
        TotalBytes = totalBytes;
    }

    public IReadOnlyList<string> Files { get; }

    /// <summary>What detection found, also when the format was forced (so a caller can warn about a mismatch).</summary>
    public FormatGuess Detection { get; }

    /// <summary>The format the records are read as.</summary>
    public LogFormat Format { get; }

    public long TotalBytes { get; }

    /// <summary>Bytes read so far by the current <see cref="Read"/>; safe to poll from another thread.</summary>
    public long BytesRead => Interlocked.Read(ref bytesRead);

    /// <summary>Opens a log file together with its rotations (<c>log.txt.1</c>, <c>log.txt.2</c> … beside it).</summary>
    /// <exception cref="LogReadException">A file is missing, a directory or unreadable.</exception>
    public static LogSource Open(string path, LogFormat? format = null) => Open(LogFiles.Rotation(path), format);

    /// <summary>Opens files read in the given order as one log.</summary>
    /// <exception cref="LogReadException">A file is missing, a directory or unreadable.</exception>
    public static LogSource Open(IReadOnlyList<string> files, LogFormat? format = null)
    {
        if (files.Count == 0) throw new ArgumentException("no log files given", nameof(files));
        long total = 0;
        var sample = new List<string>();
        foreach (var file in files)
        {
            using var stream = OpenFile(file);
            // The log is read twice (detection, then records): a pipe or device cannot be.
            if (!stream.CanSeek) throw new LogReadException("is not a regular file (a pipe or a device); save the log to a file first", file);
            total += stream.Length;
            if (sample.Count < LogFormatDetector.SampleLines) sample.AddRange(LogFormatDetector.Sample(stream, file));
        }
        var detection = LogFormatDetector.Detect(sample);
        return new LogSource(files, detection, format ?? detection.Format, total);
    }

    /// <summary>Reads the records of all files as one stream, each enumeration from the start.</summary>
    public IEnumerable<LogRecord> Read()
    {
        Interlocked.Exchange(ref bytesRead, 0);
        DateTimeOffset? first = null;
        foreach (var record in LogReaders.Create(Format).Read(Splitters()))
        {
            if (record.Time is not { } time || record.SinceStart is not null) { yield return record; continue; }
            first ??= time;
            yield return record with { SinceStart = time - first };
        }
    }

    private IEnumerable<LineSplitter> Splitters()
    {
        foreach (var file in Files)
        {
            using var stream = OpenFile(file);
            using var splitter = new LineSplitter(stream, file, n => Interlocked.Add(ref bytesRead, n));
            yield return splitter;
        }
    }

    private static FileStream OpenFile(string file)
    {
        if (Directory.Exists(file)) throw new LogReadException("is a directory, expected a log file", file);
        try
        {
            return new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new LogReadException("no such file", file, inner: e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new LogReadException("cannot be read: permission denied", file, inner: e);
        }
        catch (IOException e)
        {
            throw new LogReadException($"cannot be read: {e.Message}", file, inner: e);
        }
    }
}
