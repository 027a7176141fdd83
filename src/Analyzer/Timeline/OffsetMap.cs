namespace Conformance.Analyzer.Timeline;

/// <summary>
/// Maps an offset of the module's byte stream back to the record it came from, so every frame carries its
/// original line and time. Frames come in stream order, so records behind the current frame are dropped.
/// Inside a record that spans several lines, the line is found by counting the line ends before the offset, in a copy
/// of the record's bytes held until the frames have passed it (in a buffer used again by a later record).
/// </summary>
internal sealed class OffsetMap
{
    private readonly Queue<Source> _later = new();
    private Source _current;
    private bool _started;
    private long _countedTo;   // stream offset up to which the line ends of _current are counted
    private long _lineEnds;

    /// <param name="Offset">Stream offset of the record's first byte.</param>
    /// <param name="Stamp">Where the record starts.</param>
    /// <param name="Lines">The record's bytes when they span several lines; null otherwise.</param>
    /// <param name="Length">How many bytes of <paramref name="Lines"/> are the record's.</param>
    private readonly record struct Source(long Offset, Stamp Stamp, byte[]? Lines, int Length);

    // Buffers of records the frames have passed, for the next records that span lines.
    private readonly Stack<byte[]> _spare = new();

    /// <summary>Notes that the bytes from <paramref name="offset"/> on came from the record at <paramref name="stamp"/>.</summary>
    /// <param name="offset">Stream offset of the record's first byte.</param>
    /// <param name="stamp">Where the record starts.</param>
    public void Add(long offset, Stamp stamp) => Add(new Source(offset, stamp, null, 0));

    /// <summary>Notes a record of several lines of the file: <paramref name="lines"/> are its bytes, copied.</summary>
    /// <param name="offset">Stream offset of the record's first byte.</param>
    /// <param name="stamp">Where the record starts.</param>
    /// <param name="lines">The record's bytes.</param>
    public void Add(long offset, Stamp stamp, ReadOnlySpan<byte> lines)
    {
        // A reader's blocks of lines are up to 64 KB (ModuleBlock): buffers of that size serve every one of them.
        var buffer = _spare.TryPop(out var spare) && spare.Length >= lines.Length ? spare : new byte[Math.Max(lines.Length, 64 * 1024)];
        lines.CopyTo(buffer);
        Add(new Source(offset, stamp, buffer, lines.Length));
    }

    private void Add(Source source)
    {
        if (_started) _later.Enqueue(source);
        else (_current, _started, _countedTo, _lineEnds) = (source, true, source.Offset, 0);
    }

    /// <summary>Where the byte at <paramref name="offset"/> came from.</summary>
    public Stamp At(long offset)
    {
        while (_later.TryPeek(out var next) && next.Offset <= offset)
        {
            if (_current.Lines is { } passed) _spare.Push(passed);
            (_current, _countedTo, _lineEnds) = (_later.Dequeue(), next.Offset, 0);
        }
        if (_current.Lines is not { } data) return _current.Stamp;

        var from = (int)(_countedTo - _current.Offset);
        var to = (int)Math.Min(offset - _current.Offset, _current.Length);
        if (to > from)
        {
            _lineEnds += LineEnds(data.AsSpan(0, _current.Length), from, to);
            _countedTo = _current.Offset + to;
        }
        return _current.Stamp with { Line = _current.Stamp.Line + _lineEnds };
    }

    /// <summary>Line ends in data[from..to] as the log's lines were cut: CR LF, LF or a lone CR each count once.</summary>
    private static long LineEnds(ReadOnlySpan<byte> data, int from, int to)
    {
        long ends = 0;
        var i = from;
        while (i < to)
        {
            var next = data[i..to].IndexOfAny((byte)'\r', (byte)'\n');
            if (next < 0) break;
            i += next;
            // CR LF is one line end; a CR whose LF lies beyond the range is counted with that LF.
            if (data[i] == '\r' && i + 1 < data.Length && data[i + 1] == '\n')
            {
                if (i + 1 == to) break;
                i++;
            }
            ends++;
            i++;
        }
        return ends;
    }
}
