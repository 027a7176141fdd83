using Conformance.Protocol.Tracing;

namespace Conformance.Harness.Tracing;

/// <summary>A trace read back: its header values and its records, each with the line it came from.</summary>
public sealed record TraceFile(IReadOnlyDictionary<string, string> Header, IReadOnlyList<TraceFile.Line> Records)
{
    /// <summary>The number of a last line that was cut mid-record (a run killed while writing) and left out; null when whole.</summary>
    public int? CutShort { get; init; }

    /// <summary>The event that ends a run's trace when the run reached its end: <c>* run finished</c>.</summary>
    public const string RunFinished = "run finished";

    /// <summary>The event that ends a run's trace when the run ended early, followed by why: <c>* run aborted: …</c>.</summary>
    public const string RunAborted = "run aborted";

    /// <summary>Whether the trace records its run's end: a run killed, or cut off by a power failure, leaves none.</summary>
    public bool RunEnded => Records.Any(r => r.Record.Direction == TraceDirection.Event && IsRunEnd(r.Record.Data));

    private static bool IsRunEnd(byte[] text) =>
        text.AsSpan().SequenceEqual(System.Text.Encoding.UTF8.GetBytes(RunFinished)) || text.AsSpan().StartsWith(System.Text.Encoding.UTF8.GetBytes(RunAborted + ":"));

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
