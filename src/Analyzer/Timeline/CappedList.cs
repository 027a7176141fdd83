namespace Conformance.Analyzer.Timeline;

/// <summary>
/// Keeps the first items up to a limit and counts the rest: the analysis of a huge log stays bounded. Every item
/// also goes to <paramref name="forward"/> when there is one (see <see cref="ITimelineSink"/>).
/// </summary>
internal sealed class CappedList<T>(int capacity, Action<T>? forward = null)
{
    private readonly List<T> _items = [];

    public long Omitted { get; private set; }

    public IReadOnlyList<T> Items => _items;

    /// <summary>True when the next item is wanted (kept or forwarded); otherwise counts it as omitted, so the caller need not build it.</summary>
    public bool Keeps()
    {
        if (forward is not null || _items.Count < capacity) return true;
        Omitted++;
        return false;
    }

    /// <summary>Adds an item the caller built after <see cref="Keeps"/> said it is wanted.</summary>
    public void Add(T item)
    {
        forward?.Invoke(item);
        if (_items.Count < capacity) _items.Add(item);
        else Omitted++;
    }
}
