using System.Text;
using Conformance.Protocol.Framing;

namespace Conformance.Protocol.Tests.Framing;

/// <summary>The tokenizer is the hot path of everything: once warm it must not allocate per frame.</summary>
public class AllocationTests
{
    private static readonly byte[] Session = Encoding.Latin1.GetBytes(
        "\0\xFF\r\nAT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\r\nOK\r\n+MQTTOPEN: OK\r\n" +
        "\r\nOK\r\n\r\n+MQTTSUBACK: 5,2\r\n+CSQ:31,99\r\nOK\r\n> \r\n" +
        "+MQTTPUBLISH: 0,2,0,9,\"dev/gsm/u\",14\r\nupdate message\r\n+MQTTPUBREL: 0,9\r\n" +
        "+MQTTPUBLISH:0,1,0,3,dev/gsm/u,16,line1\r\nline2,\"x\"\r\n+MQTTPUBACK:1,0\r\n+CME ERROR: 601\r\n");

    private static long AllocatedWhileReading(AtTokenizer tokenizer, int chunkSize, int repeats, out int frames)
    {
        frames = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var r = 0; r < repeats; r++)
        {
            for (var at = 0; at < Session.Length; at += chunkSize)
            {
                ReadOnlySpan<byte> input = Session.AsSpan(at, Math.Min(chunkSize, Session.Length - at));
                while (tokenizer.TryRead(ref input, out var frame))
                {
                    frames++;
                    if (frame.Text.IsEmpty && frame.Kind != FrameKind.Noise) frames += 1_000_000;  // touch the frame
                }
            }
        }
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [TestCase(1)]
    [TestCase(7)]
    [TestCase(64)]
    [TestCase(64 * 1024)]
    public void Reading_frames_allocates_nothing_in_steady_state(int chunkSize)
    {
        var tokenizer = new AtTokenizer();
        AllocatedWhileReading(tokenizer, chunkSize, repeats: 3, out _);   // warm-up: carry buffer sized, JIT done

        var allocated = AllocatedWhileReading(tokenizer, chunkSize, repeats: 200, out var frames);

        Assert.That(frames, Is.EqualTo(200 * 14));
        Assert.That(allocated, Is.Zero, $"{allocated} bytes allocated for {frames} frames");
    }

    [Test]
    public void Known_commands_and_echoes_allocate_nothing_in_steady_state()
    {
        var tokenizer = new AtTokenizer(new AtTokenizerOptions { CommandsKnown = true });
        var command = "AT+MQTTSUB?"u8.ToArray();
        var reply = "AT+MQTTSUB?\r\n+MQTTSUB:\r\ndev/gsm/u\r\nOK\r\n"u8.ToArray();
        long Run(int n)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < n; i++)
            {
                tokenizer.CommandSent(command);
                ReadOnlySpan<byte> input = reply;
                while (tokenizer.TryRead(ref input, out _)) { }
            }
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Run(3);
        Assert.That(Run(500), Is.Zero);
    }
}
