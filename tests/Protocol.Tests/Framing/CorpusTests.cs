using System.Collections.Concurrent;
using Conformance.Corpora;
using Conformance.Protocol.Framing;

namespace Conformance.Protocol.Tests.Framing;

/// <summary>The tokenizer over the corpora the benchmarks measure: the frames the generator wrote, however the bytes arrive, without allocating.</summary>
public class CorpusTests
{
    private const int Size = 1024 * 1024;
    private const int LargeChunk = 64 * 1024;

    private static readonly ConcurrentDictionary<CorpusKind, Corpus> Corpora = new();

    private static Corpus Of(CorpusKind kind) => Corpora.GetOrAdd(kind, k => ModuleOutput.Generate(k, Size));

    private readonly record struct Frame(FrameKind Kind, long Offset, long Length, bool HasPayload);

    private static List<Frame> Read(byte[] corpus, int chunkSize)
    {
        var tokenizer = new AtTokenizer();
        var frames = new List<Frame>();
        for (var at = 0; at < corpus.Length; at += chunkSize)
        {
            ReadOnlySpan<byte> input = corpus.AsSpan(at, Math.Min(chunkSize, corpus.Length - at));
            while (tokenizer.TryRead(ref input, out var f)) frames.Add(new Frame(f.Kind, f.Offset, f.Length, f.HasPayload));
        }
        ReadOnlySpan<byte> none = default;
        while (tokenizer.TryRead(ref none, out var f, isFinalBlock: true)) frames.Add(new Frame(f.Kind, f.Offset, f.Length, f.HasPayload));
        return frames;
    }

    private static FrameCounts Count(List<Frame> frames)
    {
        long Of(FrameKind kind) => frames.Count(f => f.Kind == kind);
        return new FrameCounts(Of(FrameKind.Info), Of(FrameKind.Final), Of(FrameKind.Urc), frames.Count(f => f.HasPayload),
            Of(FrameKind.Echo), Of(FrameKind.Noise), Of(FrameKind.Overflow));
    }

    [Test]
    public void Every_corpus_holds_its_kinds_of_frames()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Of(CorpusKind.Typical).Frames, Has.Property(nameof(FrameCounts.Info)).Positive.And.Property(nameof(FrameCounts.Echo)).Positive);
            Assert.That(Of(CorpusKind.UrcFlood).Frames.Publish, Is.GreaterThan(Of(CorpusKind.UrcFlood).Frames.Urc / 2));
            Assert.That(Of(CorpusKind.LongHex).Bytes.Length / Of(CorpusKind.LongHex).Frames.Total, Is.GreaterThan(1000), "bytes per frame");
            Assert.That(Of(CorpusKind.Noisy).Frames, Has.Property(nameof(FrameCounts.Noise)).Positive.And.Property(nameof(FrameCounts.Overflow)).Positive);
        });
    }

    [Test]
    public void The_tokenizer_finds_the_frames_the_generator_wrote([Values] CorpusKind kind)
    {
        var corpus = Of(kind);
        var frames = Read(corpus.Bytes, LargeChunk);

        Assert.That(Count(frames), Is.EqualTo(corpus.Frames));
        Assert.That(frames, Has.Count.EqualTo(corpus.Frames.Total), "no frame of another kind");
    }

    [Test]
    public void Chunks_of_7_bytes_give_the_same_frames_as_chunks_of_64_KB([Values] CorpusKind kind)
    {
        var corpus = Of(kind);

        Assert.That(Read(corpus.Bytes, 7), Is.EqualTo(Read(corpus.Bytes, LargeChunk)));
    }

    [Test]
    public void Reading_a_corpus_allocates_nothing_in_steady_state([Values] CorpusKind kind, [Values(7, LargeChunk)] int chunkSize)
    {
        var corpus = Of(kind).Bytes;
        var tokenizer = new AtTokenizer();
        long Pass()
        {
            var frames = 0L;
            for (var at = 0; at < corpus.Length; at += chunkSize)
            {
                ReadOnlySpan<byte> input = corpus.AsSpan(at, Math.Min(chunkSize, corpus.Length - at));
                while (tokenizer.TryRead(ref input, out _)) frames++;
            }
            return frames;
        }
        Pass();   // warm-up: carry buffer sized, JIT done

        var before = GC.GetAllocatedBytesForCurrentThread();
        var frames = Pass();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(frames, Is.EqualTo(Of(kind).Frames.Total));
        Assert.That(allocated, Is.Zero, $"{allocated} bytes allocated for {frames} frames");
    }
}
