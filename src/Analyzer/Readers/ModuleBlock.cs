using System.Buffers;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// Gathers consecutive lines of module output into one record (<see cref="LogRecord.SpansLines"/>), so a raw
/// capture costs a record per block of lines rather than one per line.
/// </summary>
internal sealed class ModuleBlock
{
    /// <summary>Largest block: big enough that records are few, small enough to stay cheap to copy.</summary>
    private const int MaxBytes = 64 * 1024;

    private readonly ArrayBufferWriter<byte> _bytes = new(MaxBytes);
    private long _firstLine;
    private string _file = "";

    /// <summary>
    /// The block so far when the next line cannot join it: a line the host sent, a line of another file or a
    /// full block. Null when it can.
    /// </summary>
    public LogRecord? Before(LogDirection direction, string file, int length) =>
        _bytes.WrittenCount > 0 && (direction == LogDirection.ToModule || file != _file || _bytes.WrittenCount + length > MaxBytes)
            ? Flush()
            : null;

    /// <summary>Adds a line of module output, line end included.</summary>
    public void Add(long line, string file, ReadOnlySpan<byte> content, ReadOnlySpan<byte> ending)
    {
        if (_bytes.WrittenCount == 0) (_firstLine, _file) = (line, file);
        _bytes.Write(content);
        _bytes.Write(ending);
    }

    /// <summary>The block as a record, then empty; null when nothing is gathered.</summary>
    public LogRecord? Flush()
    {
        if (_bytes.WrittenCount == 0) return null;
        var record = new LogRecord(_firstLine, _file, null, null, LogDirection.FromModule, _bytes.WrittenSpan.ToArray()) { SpansLines = true };
        _bytes.ResetWrittenCount();
        return record;
    }
}
