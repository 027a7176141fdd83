namespace Conformance.Tap.Tests;

/// <summary>Bytes one side wrote, collected from any thread: the independent record a trace is compared with.</summary>
internal sealed class ByteLog
{
    private readonly List<byte> _bytes = [];

    public void Add(ReadOnlySpan<byte> bytes)
    {
        lock (_bytes) _bytes.AddRange(bytes);
    }

    public int Count { get { lock (_bytes) return _bytes.Count; } }

    public byte[] ToArray() { lock (_bytes) return [.. _bytes]; }
}
