namespace Conformance.Analyzer.Timeline;

/// <summary>
/// What was read from each distinct line of a log, read once: a log repeats its commands word for word
/// (<c>AT+CSQ</c>, the same publish every minute), and the reading depends on nothing but the line.
/// </summary>
/// <param name="read">Reads a line; its result is shared by every repeat, so it is never changed.</param>
internal sealed class LineReadings<T>(Func<string, T> read)
{
    // The first distinct lines of a log are kept; that is where the repeating ones show up. Bounds the memory.
    private const int Capacity = 256;

    private readonly Dictionary<string, T> _readings = new(StringComparer.Ordinal);

    /// <summary>The reading of <paramref name="line"/>.</summary>
    public T Of(string line)
    {
        if (_readings.TryGetValue(line, out var reading)) return reading;
        reading = read(line);
        if (_readings.Count < Capacity) _readings.Add(line, reading);
        return reading;
    }
}
