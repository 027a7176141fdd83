using Conformance.Protocol.Commands;
using Conformance.Protocol.Syntax;

namespace Conformance.Analyzer.Timeline;

/// <summary>
/// The host's command lines as parsed, each distinct line once: a log repeats its commands word for word
/// (<c>AT+CSQ</c>, the same publish every minute), and a reading depends on nothing but the line.
/// </summary>
internal sealed class ParsedCommands
{
    // The first distinct lines of a log are kept; that is where the repeating ones show up. Bounds the memory.
    private const int Capacity = 256;

    private readonly Dictionary<string, ParseResult<AtCommand>> _readings = new(StringComparer.Ordinal);

    /// <summary>The parse of <paramref name="line"/>; the reading is shared by every repeat, so it is never changed.</summary>
    public ParseResult<AtCommand> Parse(string line)
    {
        if (_readings.TryGetValue(line, out var reading)) return reading;
        reading = AtCommandParser.Parse(line);
        if (_readings.Count < Capacity) _readings.Add(line, reading);
        return reading;
    }
}
