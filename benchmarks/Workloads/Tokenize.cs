using System.Text;
using Conformance.Protocol.Framing;
using Conformance.Protocol.Responses;

namespace Conformance.Benchmarks.Workloads;

/// <summary>
/// The project's own parser fed as a serial port or a file would feed it: in chunks of a fixed size. The tokenizer
/// is passed in so a benchmark reuses one and measures the steady state, as a long-running reader would; the
/// corpora end with a line end, so nothing is left pending between passes.
/// </summary>
public static class Tokenize
{
    /// <summary>Frames in <paramref name="corpus"/>, read in chunks of <paramref name="chunkSize"/> bytes.</summary>
    public static int Frames(AtTokenizer tokenizer, byte[] corpus, int chunkSize)
    {
        var frames = 0;
        for (var at = 0; at < corpus.Length; at += chunkSize)
        {
            ReadOnlySpan<byte> input = corpus.AsSpan(at, Math.Min(chunkSize, corpus.Length - at));
            while (tokenizer.TryRead(ref input, out _)) frames++;
        }
        return frames;
    }

    /// <summary>URCs in <paramref name="corpus"/> parsed into typed values, as the analyzer and the harness consume them.</summary>
    public static int Urcs(AtTokenizer tokenizer, byte[] corpus, int chunkSize)
    {
        var urcs = 0;
        for (var at = 0; at < corpus.Length; at += chunkSize)
            urcs += Urcs(tokenizer, corpus.AsSpan(at, Math.Min(chunkSize, corpus.Length - at)), final: false);
        return urcs;
    }

    /// <summary>URCs in a log read from <paramref name="log"/> in chunks of <paramref name="chunkSize"/> bytes.</summary>
    public static int Urcs(Stream log, int chunkSize)
    {
        var tokenizer = new AtTokenizer();
        var buffer = new byte[chunkSize];
        var urcs = 0;
        int read;
        while ((read = log.Read(buffer)) > 0) urcs += Urcs(tokenizer, buffer.AsSpan(0, read), final: false);
        return urcs + Urcs(tokenizer, [], final: true);
    }

    private static int Urcs(AtTokenizer tokenizer, ReadOnlySpan<byte> input, bool final)
    {
        var urcs = 0;
        while (tokenizer.TryRead(ref input, out var frame, final))
        {
            if (frame.Kind == FrameKind.Urc && UrcParser.Parse(Encoding.UTF8.GetString(frame.Text), frame.Payload).Success) urcs++;
        }
        return urcs;
    }
}
