namespace Conformance.Fuzz.Tests.Engine;

/// <summary>One input: its bytes and the chunk sizes a streaming entry point receives them in (repeated to the end).</summary>
public sealed record FuzzInput(byte[] Data, int[] Chunks)
{
    /// <summary>The bytes cut into chunks of the given sizes, the sizes repeating; the whole input when none is given.</summary>
    public IReadOnlyList<byte[]> Split()
    {
        if (Chunks.Length == 0 || Data.Length == 0) return [Data];
        var parts = new List<byte[]>();
        for (int at = 0, i = 0; at < Data.Length; i++)
        {
            var n = Math.Min(Math.Max(1, Chunks[i % Chunks.Length]), Data.Length - at);
            parts.Add(Data[at..(at + n)]);
            at += n;
        }
        return parts;
    }

    public override string ToString() =>
        $"{Data.Length} bytes {Convert.ToHexString(Data.AsSpan(0, Math.Min(Data.Length, 4096)))} in chunks [{string.Join(",", Chunks)}]";
}
