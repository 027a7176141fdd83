namespace Conformance.Analyzer.Readers;

/// <summary>
/// Gathers consecutive lines of module output into one record (<see cref="LogRecord.SpansLines"/>), so a raw
/// capture costs a record per block of lines rather than one per line. The block is lent to the sink.
/// </summary>
internal sealed class ModuleBlock(IRecordSink sink)
{
    /// <summary>Largest block: big enough that records are few, small enough to stay cheap to copy.</summary>
    private const int MaxBytes = 64 * 1024;

    private byte[] _bytes = new byte[MaxBytes];
    private int _length;
    private long _firstLine;
    private string _file = "";

    /// <summary>Adds a line of module output, line end included; the block so far goes first when the line is of another file or would overfill it.</summary>
    public void Add(long line, string file, ReadOnlySpan<byte> bytes)
    {
        if (_length > 0 && (_length + bytes.Length > MaxBytes || file != _file)) Flush();
        if (_length == 0) (_firstLine, _file) = (line, file);
        // A single line longer than a block is a block of its own.
        if (_bytes.Length < _length + bytes.Length) Array.Resize(ref _bytes, _length + bytes.Length);
        bytes.CopyTo(_bytes.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Lends the block gathered so far to the sink, if any, and starts an empty one.</summary>
    public void Flush()
    {
        if (_length == 0) return;
        var length = _length;
        _length = 0;
        sink.Add(new RecordView(_firstLine, _file, null, null, LogDirection.FromModule, _bytes.AsSpan(0, length), spansLines: true));
    }
}
