namespace Conformance.Protocol.Tracing;

/// <summary>One line of a trace: when, which way, and the exact bytes (or, for an event, its text as UTF-8).</summary>
public sealed record TraceRecord(DateTimeOffset Time, TraceDirection Direction, byte[] Data)
{
    /// <summary>The data as text (events are always text; wire bytes are shown as UTF-8 here).</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(Data);

    public bool Equals(TraceRecord? other) =>
        other is not null && Time == other.Time && Direction == other.Direction && Data.AsSpan().SequenceEqual(other.Data);

    public override int GetHashCode() => HashCode.Combine(Time, Direction, Data.Length);
}
