namespace Conformance.Analyzer.Timeline;

/// <summary>
/// Maps an offset of the module's byte stream back to the record it came from, so every frame carries its
/// original line and time. Frames come in stream order, so records behind the current frame are dropped.
/// </summary>
internal sealed class OffsetMap
{
    private readonly Queue<(long Offset, Stamp Stamp)> _later = new();
    private (long Offset, Stamp Stamp) _current;
    private bool _started;

    /// <summary>Notes that the bytes from <paramref name="offset"/> on came from the record at <paramref name="stamp"/>.</summary>
    public void Add(long offset, Stamp stamp)
    {
        if (_started) _later.Enqueue((offset, stamp));
        else (_current, _started) = ((offset, stamp), true);
    }

    /// <summary>Where the byte at <paramref name="offset"/> came from.</summary>
    public Stamp At(long offset)
    {
        while (_later.TryPeek(out var next) && next.Offset <= offset) _current = _later.Dequeue();
        return _current.Stamp;
    }
}
