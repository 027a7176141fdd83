using System.Text;
using Conformance.Protocol.Framing;
using CsCheck;

namespace Conformance.Protocol.Tests.Framing;

/// <summary>Each frame says how the line ends before it were made: the manual writes CR LF, hosts take the others.</summary>
public class LineEndTests
{
    /// <summary>Each frame's text, the line end before it and where that began.</summary>
    private static List<(string Text, LineEnd Before, long At)> Read(IEnumerable<byte[]> chunks, AtTokenizer? tokenizer = null)
    {
        tokenizer ??= new AtTokenizer(new AtTokenizerOptions { ReadsLineEnds = true });
        var frames = new List<(string, LineEnd, long)>();
        foreach (var chunk in chunks)
        {
            ReadOnlySpan<byte> input = chunk;
            while (tokenizer.TryRead(ref input, out var frame)) frames.Add(Of(frame, tokenizer));
        }
        ReadOnlySpan<byte> none = default;
        while (tokenizer.TryRead(ref none, out var frame, isFinalBlock: true)) frames.Add(Of(frame, tokenizer));
        return frames;
    }

    private static (string, LineEnd, long) Of(in AtFrame frame, AtTokenizer tokenizer) =>
        (Encoding.Latin1.GetString(frame.Text), tokenizer.LineEndBefore, tokenizer.LineEndBefore == LineEnd.None ? -1 : tokenizer.LineEndOffset);

    private static IEnumerable<byte[]> Chunks(string stream, int size)
    {
        var bytes = Encoding.Latin1.GetBytes(stream);
        for (var at = 0; at < bytes.Length; at += size) yield return bytes[at..Math.Min(bytes.Length, at + size)];
    }

    /// <summary>Read whole, in 1-byte and in 7-byte chunks: the three must agree.</summary>
    private static List<(string Text, LineEnd Before, long At)> Frames(string stream)
    {
        var whole = Read(Chunks(stream, stream.Length + 1));
        Assert.That(Read(Chunks(stream, 1)), Is.EqualTo(whole), "1-byte chunks");
        Assert.That(Read(Chunks(stream, 7)), Is.EqualTo(whole), "7-byte chunks");
        return whole;
    }

    [Test]
    public void The_manuals_framing_is_cr_lf_before_every_line()
    {
        Assert.That(Frames("\r\n+CSQ: 20,99\r\n\r\nOK\r\n\r\n+MQTTOPEN: OK\r\n"), Is.EqualTo(new[]
        {
            ("+CSQ: 20,99", LineEnd.CrLf, 0L), ("OK", LineEnd.CrLf, 13L), ("+MQTTOPEN: OK", LineEnd.CrLf, 19L),
        }));
    }

    [TestCase("\n+CSQ: 20,99\n\nOK\n+MQTTOPEN: OK\n", LineEnd.Lf)]
    [TestCase("\r+CSQ: 20,99\r\rOK\r+MQTTOPEN: OK\r", LineEnd.Cr)]
    [TestCase("\r\r\n+CSQ: 20,99\r\r\n\r\r\nOK\r\r\n+MQTTOPEN: OK\r\r\n", LineEnd.CrCrLf)]
    public void A_firmware_ending_its_lines_otherwise_says_so_on_every_line(string stream, LineEnd kind)
    {
        Assert.That(Frames(stream).Select(f => f.Before), Is.EqualTo(new[] { kind, kind, kind }));
    }

    [Test]
    public void Mixed_line_ends_are_each_read_at_their_place()
    {
        // OK ends in LF alone, then the URC is framed right; the next line ends in CR alone; the last in CR CR LF.
        var frames = Frames("\r\nOK\n\r\n+MQTTOPEN: OK\r\n\r\n+MQTTSUBACK: 5,2\r+MQTTPUBACK: 6,1\r\r\nERROR\r\n");
        Assert.That(frames, Is.EqualTo(new[]
        {
            ("OK", LineEnd.CrLf, 0L),
            ("+MQTTOPEN: OK", LineEnd.Lf, 4L),             // the LF after OK, not the CR LF before the URC
            ("+MQTTSUBACK: 5,2", LineEnd.CrLf, 20L),
            ("+MQTTPUBACK: 6,1", LineEnd.Cr, 40L),
            ("ERROR", LineEnd.CrCrLf, 57L),
        }));
    }

    [Test]
    public void A_line_end_split_over_two_chunks_is_read_as_one()
    {
        // The CR ends one read, the LF starts the next: one CR LF, not a CR alone and an LF alone.
        var frames = Read([Encoding.Latin1.GetBytes("\r\nOK\r"), Encoding.Latin1.GetBytes("\n\r\n+MQTTOPEN: OK\r"), Encoding.Latin1.GetBytes("\r"), Encoding.Latin1.GetBytes("\nOK\r\n")]);
        Assert.That(frames.Select(f => f.Before), Is.EqualTo(new[] { LineEnd.CrLf, LineEnd.CrLf, LineEnd.CrCrLf }));
    }

    [Test]
    public void An_echo_ends_as_the_host_typed_it()
    {
        // The host sent AT+CSQ\r: the echo repeats it, then the module frames its answer with CR LF. No CR CR LF.
        var tokenizer = new AtTokenizer(new AtTokenizerOptions { ReadsLineEnds = true });
        tokenizer.CommandSent("AT+CSQ"u8);
        var frames = Read([Encoding.Latin1.GetBytes("AT+CSQ\r\r\n+CSQ: 20,99\r\n\r\nOK\r\n")], tokenizer);
        Assert.That(frames.Select(f => f.Before), Is.EqualTo(new[] { LineEnd.None, LineEnd.CrLf, LineEnd.CrLf }));

        // Without the host side (a capture of module output alone) a command line is the echo just the same.
        Assert.That(Frames("at+csq\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n").Select(f => f.Before),
            Is.EqualTo(new[] { LineEnd.None, LineEnd.CrLf, LineEnd.CrLf }));
    }

    [Test]
    public void The_line_end_between_a_publish_header_and_its_message_is_read_too()
    {
        var frames = Frames("\r\n+MQTTPUBLISH: 0,0,0,0,\"t\",5\nhello\r\n\r\nOK\r\n");
        Assert.That(frames.Select(f => (f.Text, f.Before)), Is.EqualTo(new[]
        {
            ("+MQTTPUBLISH: 0,0,0,0,\"t\",5", LineEnd.CrLf), ("OK", LineEnd.Lf),
        }));
        // The message's own bytes are no line ends, whatever they hold.
        Assert.That(Frames("\r\n+MQTTPUBLISH: 0,0,0,0,\"t\",5,a\rb\nc\r\n\r\nOK\r\n").Select(f => f.Before),
            Is.EqualTo(new[] { LineEnd.CrLf, LineEnd.CrLf }));
    }

    [Test]
    public void Line_ends_are_the_same_for_any_split_of_the_stream()
    {
        Gen.Select(ChunkInvarianceTests.Stream, Gen.Int[1, 9]).Sample((stream, size) =>
        {
            var latin1 = Encoding.Latin1.GetString(stream);
            var whole = Read([stream], new AtTokenizer(ChunkInvarianceTests.Small with { ReadsLineEnds = true }));
            var split = Read(Chunks(latin1, size), new AtTokenizer(ChunkInvarianceTests.Small with { ReadsLineEnds = true }));
            Assert.That(split, Is.EqualTo(whole), () => "stream: " + Convert.ToHexString(stream));
        }, iter: 2000);
    }

    [Test]
    public void A_tokenizer_not_asked_to_read_line_ends_gives_none_and_the_same_frames()
    {
        var stream = "\r\n+CSQ: 20,99\n\nOK\r\rERROR\r\n";

        var asked = Read([Encoding.Latin1.GetBytes(stream)]);
        var notAsked = Read([Encoding.Latin1.GetBytes(stream)], new AtTokenizer());

        Assert.That(notAsked.Select(f => f.Text), Is.EqualTo(asked.Select(f => f.Text)));
        Assert.That(notAsked.Select(f => f.Before), Is.All.EqualTo(LineEnd.None));
        Assert.That(asked.Select(f => f.Before), Does.Contain(LineEnd.Lf), "asked, the same stream has its line ends read");
    }
}
