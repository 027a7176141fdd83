using Conformance.Protocol.Responses;
using Conformance.Fuzz.Tests.Engine;
using Conformance.Fuzz.Tests.Seeds;
using Conformance.Protocol.Framing;
using CsCheck;

namespace Conformance.Fuzz.Tests.Targets;

/// <summary>
/// The tokenizer: same frames in any chunking, offsets in order, frames within the limit, and no allocation
/// beyond its bounded carry buffer whatever the input.
/// </summary>
public sealed class TokenizerTarget : FuzzTarget
{
    private static readonly AtTokenizerOptions Small = new() { MaxFrameLength = 64, OverflowPreviewLength = 8 };
    private static readonly AtTokenizerOptions Default = new();
    private static readonly AtTokenizerOptions Known = new() { CommandsKnown = true, MaxFrameLength = 256 };

    public override string Name => "tokenizer";

    public override IReadOnlyList<byte[]> Seeds { get; } = AllBytes([.. FieldLines.Module.Select(l => "\r\n" + l + "\r\n"), FieldLines.Session]);

    public override Gen<byte[]> Structured { get; } = Inputs.Lines(Gen.Frequency(
        (8, Gen.OneOf(FieldLines.Module)), (2, Gen.OneOf(FieldLines.Commands)),
        (1, Gen.Select(Gen.Int[0, 300], Gen.Bool, (n, inline) => $"+MQTTPUBLISH: 0,1,0,7,\"t\",{n}{(inline ? "," : "\r\n")}{new string('m', n)}"))));

    public override void Check(FuzzInput input, Behaviour behaviour)
    {
        var parts = input.Split();
        foreach (var options in new[] { Small, Default, Known })
        {
            var whole = Frames(options, [input.Data], input.Data);
            var chunked = Frames(options, parts, input.Data);
            Assert.That(chunked, Is.EqualTo(whole), "frames differ between whole and chunked input");
            var last = -1L;
            foreach (var frame in whole)
            {
                Assert.That(frame.Offset, Is.GreaterThan(last).And.LessThan(input.Data.Length), "frame offsets");
                Assert.That(frame.Text.Length + frame.Payload.Length, Is.LessThanOrEqualTo(options.MaxFrameLength + 1), "frame size");
                last = frame.Offset;
            }
            if (options == Small) behaviour.NotePairs("frame", whole.Select(f => $"{f.Kind}{(f.Truncated ? "~" : "")}{(f.Payload.Length > 0 ? "+p" : "")}"));
            // The tokenizer keeps at most one frame: its carry buffer, whatever the input's length.
            Bounds.Allocation("tokenizer", input.Data.Length, 0, 4L * (options.MaxFrameLength + 64) + 4096, () => Count(options, parts));
        }
    }

    private sealed record Frame(FrameKind Kind, long Offset, long Length, byte[] Text, byte[] Payload, bool Truncated, FinalResultKind? Result, int ErrorCode)
    {
        public bool Equals(Frame? other) => other is not null && (Kind, Offset, Length, Truncated, Result, ErrorCode) ==
            (other.Kind, other.Offset, other.Length, other.Truncated, other.Result, other.ErrorCode)
            && Text.AsSpan().SequenceEqual(other.Text) && Payload.AsSpan().SequenceEqual(other.Payload);

        public override int GetHashCode() => HashCode.Combine(Kind, Offset, Length);

        public override string ToString() => $"{Kind}@{Offset}+{Length} {Convert.ToHexString(Text)} {Convert.ToHexString(Payload)}{(Truncated ? " truncated" : "")}";
    }

    private static List<Frame> Frames(AtTokenizerOptions options, IReadOnlyList<byte[]> chunks, byte[] all)
    {
        var tokenizer = Start(options, all);
        var frames = new List<Frame>();
        foreach (var chunk in chunks.Append([]))
        {
            var span = (ReadOnlySpan<byte>)chunk;
            var final = chunk.Length == 0;
            while (tokenizer.TryRead(ref span, out var f, final))
                frames.Add(new Frame(f.Kind, f.Offset, f.Length, f.Text.ToArray(), f.Payload.ToArray(), f.IsTruncated, f.Result, f.ErrorCode));
            Assert.That(span.IsEmpty, "TryRead returned false with input left");
        }
        return frames;
    }

    private static void Count(AtTokenizerOptions options, IReadOnlyList<byte[]> chunks)
    {
        var tokenizer = Start(options, []);
        foreach (var chunk in chunks.Append([]))
        {
            var span = (ReadOnlySpan<byte>)chunk;
            while (tokenizer.TryRead(ref span, out _, chunk.Length == 0)) { }
        }
    }

    /// <summary>With known commands, the input's first line, when a command, is what the host sent.</summary>
    private static AtTokenizer Start(AtTokenizerOptions options, byte[] all)
    {
        var tokenizer = new AtTokenizer(options);
        if (options.CommandsKnown && all.Length > 2 && all[0] == 'A' && all[1] == 'T')
        {
            var end = all.AsSpan().IndexOfAny((byte)'\r', (byte)'\n');
            tokenizer.CommandSent(end < 0 ? all : all.AsSpan(0, end));
        }
        return tokenizer;
    }
}
