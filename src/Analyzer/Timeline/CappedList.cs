namespace Conformance.Analyzer.Timeline;

/// <summary>Keeps the first items up to a limit and counts the rest: the analysis of a huge log stays bounded.</summary>
internal sealed class CappedList<T>(int capacity)
{
    private readonly List<T> _items = [];

    public long Omitted { get; private set; }

    public IReadOnlyList<T> Items => _items;

    /// <summary>True when the next item would be kept; otherwise counts it as omitted, so the caller need not build it.</summary>
    public bool Keeps()
    {
        if (_items.Count < capacity) return true;
        Omitted++;
        return false;
    }

    public void Add(T item)
    {
        if (_items.Count < capacity) _items.Add(item);
        else Omitted++;
    }
}
