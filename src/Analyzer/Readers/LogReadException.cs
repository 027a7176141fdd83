namespace Conformance.Analyzer.Readers;

/// <summary>A log could not be read: the message says what went wrong, in which file and, when known, at which line.</summary>
public sealed class LogReadException : Exception
{
    public LogReadException(string message, string file, long? line = null, Exception? inner = null)
        : base(line is { } n ? $"{file}:{n}: {message}" : $"{file}: {message}", inner)
    {
        File = file;
        Line = line;
    }

    public string File { get; }

    /// <summary>1-based line where reading failed, or null when the file could not be opened.</summary>
    public long? Line { get; }

    /// <summary>True when the input itself broke (a damaged gzip stream, a failed read): nothing after the place can be read.</summary>
    public bool EndsInput => InnerException is IOException or InvalidDataException;
}
