using System.Runtime.InteropServices;
using Conformance.Protocol.Events;

namespace Conformance.Analyzer.Timeline;

/// <summary>Assembles the host's command lines from records that may split or join them.</summary>
internal sealed class HostLines
{
    private readonly List<byte> _partial = [];
    private Stamp _start;

    /// <summary>The lines <paramref name="data"/> completes, each with the stamp of the record it started in.</summary>
    public IEnumerable<(string Line, Stamp Stamp)> Add(byte[] data, Stamp stamp)
    {
        foreach (var b in data)
        {
            if (b is (byte)'\r' or (byte)'\n')
            {
                if (_partial.Count > 0) yield return Take();
                continue;
            }
            if (_partial.Count == 0) _start = stamp;
            _partial.Add(b);
        }
    }

    /// <summary>A last line the log ended without terminating, if any.</summary>
    public (string Line, Stamp Stamp)? Flush() => _partial.Count > 0 ? Take() : null;

    private (string, Stamp) Take()
    {
        var line = LineText.Decode(CollectionsMarshal.AsSpan(_partial));
        _partial.Clear();
        return (line, _start);
    }
}
