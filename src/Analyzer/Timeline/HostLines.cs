using System.Runtime.InteropServices;
using Conformance.Protocol.Events;
using Conformance.Protocol.Framing;

namespace Conformance.Analyzer.Timeline;

/// <summary>
/// Assembles the host's command lines from records that may split or join them, as the module runs them: with
/// the backspaces typed in a terminal applied (<see cref="LineEditing"/>).
/// </summary>
internal sealed class HostLines
{
    private readonly List<byte> _partial = [];
    private readonly RecentLines _recent = new();   // a host repeats its commands (AT+CSQ): one string for the repeats
    private Stamp _start;

    /// <summary>Puts the lines <paramref name="data"/> completes in <paramref name="lines"/> (emptied first), each with the stamp of the record it started in.</summary>
    public void Add(ReadOnlySpan<byte> data, Stamp stamp, List<(string Line, Stamp Stamp)> lines)
    {
        lines.Clear();
        var rest = data;
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOfAny((byte)'\r', (byte)'\n');
            var part = end < 0 ? rest : rest[..end];
            // A whole line inside the record is read in place; a line split across records is gathered first.
            if (end >= 0 && _partial.Count == 0 && !part.IsEmpty) lines.Add((LineEditing.Apply(_recent.Decode(part)), stamp));
            else if (!part.IsEmpty)
            {
                if (_partial.Count == 0) _start = stamp;
                _partial.AddRange(part);
            }
            if (end < 0) break;
            if (_partial.Count > 0) lines.Add(Take());
            rest = rest[(end + 1)..];
        }
    }

    /// <summary>A last line the log ended without terminating, if any.</summary>
    public (string Line, Stamp Stamp)? Flush() => _partial.Count > 0 ? Take() : null;

    private (string, Stamp) Take()
    {
        var line = LineEditing.Apply(LineText.Decode(CollectionsMarshal.AsSpan(_partial)));
        _partial.Clear();
        return (line, _start);
    }
}
