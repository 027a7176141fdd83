using System.Text;
using Conformance.Protocol.Framing;
using CsCheck;

namespace Conformance.Protocol.Tests.Framing;

/// <summary>The frames of a byte stream must not depend on how the stream is split into chunks.</summary>
public class ChunkInvarianceTests
{
    private static byte[] Latin1(string s) => Encoding.Latin1.GetBytes(s);

    private static readonly Gen<byte[]> Line = Gen.OneOf<string>(
        "OK", "ERROR", "+CME ERROR: 601", "+CME ERROR:3", "+MQTTOPEN: OK", "+MQTTOPEN:OK", "+MQTTSUB:", "dev/gsm/u",
        "AT+MQTTSUB?", "+MQTTSUBACK: 5,2", "+MQTTPUBREC: 0,10", "+CSQ: 31,99", ">", "> ", "\0\0\xFF\xFF", "\xFF",
        "+MQTTPUBLISH: 0,2,0,9,\"dev/gsm/u\"", "+MQTTPUBLISH:0,0,0,0,t,99999999999").Select(Latin1);

    private static readonly Gen<byte[]> LineEnd = Gen.OneOf<string>("\r\n", "\n", "\r", "\r\r\n", "\r\n\r\n").Select(Latin1);

    private static readonly Gen<byte[]> Publish = Gen.Select(Gen.Byte.Array[0, 90], Gen.Bool, Gen.Bool, (message, inline, quoted) =>
    {
        var topic = quoted ? "\"a,b\"" : "dev/gsm/u";
        var header = Latin1($"+MQTTPUBLISH: 0,1,0,7,{topic},{message.Length}{(inline ? "," : "\r\n")}");
        return header.Concat(message).ToArray();
    });

    private static readonly Gen<byte[]> Fragment = Gen.Frequency(
        (6, Line), (6, LineEnd), (3, Publish), (1, Gen.Byte.Array[0, 40]), (1, Gen.Char['a', 'z'].Array[60, 150].Select(c => Latin1(new string(c)))));

    internal static readonly Gen<byte[]> Stream = Fragment.Array[0, 30].Select(parts => parts.SelectMany(p => p).ToArray());

    internal static readonly AtTokenizerOptions Small = new() { MaxFrameLength = 64, OverflowPreviewLength = 8 };

    private static IEnumerable<byte[]> Split(byte[] stream, int[] sizes)
    {
        var at = 0;
        foreach (var size in sizes.Length == 0 ? [stream.Length + 1] : sizes.Concat(Enumerable.Repeat(7, stream.Length)))
        {
            if (at >= stream.Length) yield break;
            var n = Math.Min(size, stream.Length - at);
            yield return stream[at..(at + n)];
            at += n;
        }
    }

    [Test]
    public void Frames_are_identical_for_any_split_of_the_stream()
    {
        Gen.Select(Stream, Gen.Int[0, 70].Array[0, 40]).Sample((stream, sizes) =>
        {
            var whole = FrameRecord.Read(new AtTokenizer(Small), [stream]);
            var split = FrameRecord.Read(new AtTokenizer(Small), Split(stream, sizes).ToList());
            Assert.That(split, Is.EqualTo(whole), () => "stream: " + Convert.ToHexString(stream));
        }, iter: 3000);
    }

    [Test]
    public void Feeding_one_byte_at_a_time_gives_the_same_frames()
    {
        Stream.Sample(stream =>
        {
            var whole = FrameRecord.Read(new AtTokenizer(Small), [stream]);
            var bytewise = FrameRecord.Read(new AtTokenizer(Small), stream.Select(b => new[] { b }).ToList());
            Assert.That(bytewise, Is.EqualTo(whole), () => "stream: " + Convert.ToHexString(stream));
        }, iter: 1000);
    }

    [Test]
    public void Every_byte_is_accounted_for_and_offsets_increase()
    {
        Stream.Sample(stream =>
        {
            var frames = FrameRecord.Read(new AtTokenizer(Small), [stream]);
            var last = -1L;
            foreach (var f in frames)
            {
                Assert.That(f.Offset, Is.GreaterThan(last));
                last = f.Offset;
            }
            Assert.That(frames.All(f => f.Offset < stream.Length), Is.True);
        }, iter: 500);
    }

    [Test]
    public void A_publish_header_longer_than_the_frame_limit_is_one_overlong_line_in_any_chunking()
    {
        // The topic alone is past the 64-byte limit: the header cannot be kept, so neither its msg_len; found by fuzzing.
        var stream = "+MQTTPUBLISH: 0,1,0,7,\"" + new string('t', 60) + "\",5,a\r\nOK\r\nERROR\r\n";

        var whole = FrameRecord.Read(stream, Small);
        var bytewise = FrameRecord.ReadBytewise(stream, Small);

        Assert.That(bytewise, Is.EqualTo(whole));
        Assert.That(whole.Select(f => f.Kind), Is.EqualTo(new[] { FrameKind.Overflow, FrameKind.Final, FrameKind.Final }));
    }
}
