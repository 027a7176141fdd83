namespace Conformance.Protocol.Catalog;

/// <summary>
/// A fast, allocation-free lookup of a fixed set of ASCII names, built once from the catalog: names are bucketed
/// by length, so a line costs one array index and a span comparison or two.
/// </summary>
public sealed class NameTable
{
    private readonly (byte[] Bytes, string Name)[][] _byLength;

    public NameTable(IEnumerable<string> names)
    {
        var all = names.Distinct(StringComparer.Ordinal).ToArray();
        var longest = all.Length == 0 ? 0 : all.Max(n => n.Length);
        _byLength = new (byte[], string)[longest + 1][];
        for (var length = 0; length <= longest; length++)
            _byLength[length] = [.. all.Where(n => n.Length == length).Select(n => (System.Text.Encoding.ASCII.GetBytes(n), n))];
        Names = all;
    }

    /// <summary>The names in the table.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>True when <paramref name="name"/> is in the table.</summary>
    public bool Contains(ReadOnlySpan<byte> name) => Find(name) is not null;

    /// <summary>The table's string for <paramref name="name"/> (no new string per line); null when it is not in the table.</summary>
    public string? Find(ReadOnlySpan<byte> name)
    {
        if (name.Length >= _byLength.Length) return null;
        foreach (var (bytes, known) in _byLength[name.Length])
        {
            if (name.SequenceEqual(bytes)) return known;
        }
        return null;
    }

    /// <summary>The table's string for <paramref name="name"/>; null when it is not in the table.</summary>
    public string? Find(ReadOnlySpan<char> name)
    {
        if (name.Length >= _byLength.Length) return null;
        foreach (var (_, known) in _byLength[name.Length])
        {
            if (name.SequenceEqual(known)) return known;
        }
        return null;
    }
}
