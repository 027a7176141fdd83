using Conformance.Protocol.Responses;
using System.Text;
using Conformance.Protocol.Framing;

namespace Conformance.Protocol.Tests.Framing;

/// <summary>A copy of a frame that outlives the tokenizer's buffers, for comparing and snapshotting.</summary>
public sealed record FrameRecord(FrameKind Kind, long Offset, long Length, string Text, string? Payload, bool Inline, bool Truncated, FinalResultKind? Result, int ErrorCode)
{
    public static FrameRecord From(in AtFrame f) => new(
        f.Kind, f.Offset, f.Length, Encoding.Latin1.GetString(f.Text),
        f.HasPayload ? Encoding.Latin1.GetString(f.Payload) : null, f.PayloadInline, f.IsTruncated, f.Result, f.ErrorCode);

    /// <summary>Feeds <paramref name="chunks"/> one after the other, then ends the stream.</summary>
    public static List<FrameRecord> Read(AtTokenizer tokenizer, IEnumerable<byte[]> chunks)
    {
        var frames = new List<FrameRecord>();
        foreach (var chunk in chunks)
        {
            ReadOnlySpan<byte> input = chunk;
            while (tokenizer.TryRead(ref input, out var frame)) frames.Add(From(frame));
            Assert.That(input.IsEmpty, "TryRead returned false before using up its input");
        }
        ReadOnlySpan<byte> none = default;
        while (tokenizer.TryRead(ref none, out var frame, isFinalBlock: true)) frames.Add(From(frame));
        return frames;
    }

    public static List<FrameRecord> Read(string latin1, AtTokenizerOptions? options = null) =>
        Read(new AtTokenizer(options), [Encoding.Latin1.GetBytes(latin1)]);

    public static List<FrameRecord> ReadBytewise(string latin1, AtTokenizerOptions? options = null) =>
        Read(new AtTokenizer(options), Encoding.Latin1.GetBytes(latin1).Select(b => new[] { b }));
}
