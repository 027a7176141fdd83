namespace Conformance.Fuzz.Tests.Engine;

/// <summary>
/// What an input made an entry point do, as short features (<c>event:Urc:+MQTTOPEN</c>, <c>error:bad length</c>).
/// An input that shows a feature no earlier input showed is kept in the corpus: behaviour stands in for coverage.
/// </summary>
public sealed class Behaviour
{
    private const int MaxFeatures = 256;
    private readonly HashSet<string> _features = [];

    public IReadOnlyCollection<string> Features => _features;

    /// <summary>Notes a feature; digits are folded so that numbers in messages do not count as new behaviour.</summary>
    public void Note(string feature)
    {
        if (_features.Count >= MaxFeatures) return;
        // Up to the first quoted part: a message's wording is behaviour, the text it quotes is not.
        var end = feature.IndexOfAny(['\'', '"', '“']);
        var folded = new string([.. feature[..(end < 0 ? feature.Length : end)].Take(60).Select(c => char.IsAsciiDigit(c) ? '#' : c)]);
        _features.Add(folded);
    }

    /// <summary>Notes each consecutive pair of a sequence: the order things happen in is behaviour too.</summary>
    public void NotePairs(string prefix, IEnumerable<string> sequence)
    {
        string? last = null;
        foreach (var item in sequence)
        {
            Note($"{prefix}:{last}>{item}");
            last = item;
        }
    }
}
