using Conformance.Protocol.Tracing;

namespace Conformance.Harness.Tracing;

/// <summary>A trace read back: its header values and its records, each with the line it came from.</summary>
public sealed record TraceFile(IReadOnlyDictionary<string, string> Header, IReadOnlyList<TraceFile.Line> Records)
{
    /// <summary>The number of a last line that was cut mid-record (a run killed while writing) and left out; null when whole.</summary>
    public int? CutShort { get; init; }

    /// <summary>A record and its 1-based line number in the file.</summary>
    public sealed record Line(int Number, TraceRecord Record);

    /// <exception cref="FormatException">The file is not a trace; the message names the line and column.</exception>
    public static TraceFile Read(TextReader reader, string name)
    {
        var header = new Dictionary<string, string>();
        var records = new List<Line>();
        var number = 0;
        int? cut = null;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (number == 1 && text != TraceFormat.Magic)
                throw new FormatException($"{name}:1: not a trace: expected '{TraceFormat.Magic}'");
            if (records.Count == 0 && TraceFormat.TryParseHeader(text, out var key, out var value)) { header[key] = value; continue; }
            try
            {
                if (TraceFormat.Parse(text) is { } record) records.Add(new Line(number, record));
            }
            catch (FormatException) when (reader.Peek() < 0 && records.Count > 0)
            {
                // Only the last line: what a run killed in mid-write leaves. The records before it still replay.
                cut = number;
            }
            catch (FormatException e)
            {
                throw new FormatException($"{name}:{number}: {e.Message}", e);
            }
        }
        if (number == 0) throw new FormatException($"{name}: empty file, expected '{TraceFormat.Magic}'");
        return new TraceFile(header, records) { CutShort = cut };
    }

    /// <summary>All bytes of one direction, concatenated: the exact stream as it went over the wire (secrets aside).</summary>
    public byte[] Bytes(TraceDirection direction) =>
        [.. Records.Where(r => r.Record.Direction == direction).SelectMany(r => r.Record.Data)];
}
