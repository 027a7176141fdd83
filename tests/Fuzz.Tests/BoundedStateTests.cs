using System.Text;
using Conformance.Emulator.Modem;
using Conformance.Protocol.Events;
using Conformance.Protocol.Framing;
using Conformance.Protocol.Secrets;

namespace Conformance.Fuzz.Tests;

/// <summary>
/// What a streaming reader keeps while it runs stays bounded however much input it is fed: megabytes of input that
/// never end a line, or that never repeat, leave it holding what one line needs.
/// </summary>
public class BoundedStateTests
{
    private const int Megabytes = 8;

    /// <summary>Managed memory still reachable after <paramref name="feed"/>, with <paramref name="reader"/> alive.</summary>
    private static long Retained(object reader, Action feed)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        feed();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(reader);
        return after - before;
    }

    private static IEnumerable<byte[]> Chunks(Func<int, string> line, int count)
    {
        for (var i = 0; i < count; i++) yield return Encoding.ASCII.GetBytes(line(i));
    }

    [Test]
    public void The_tokenizer_allocates_nothing_for_megabytes_without_a_line_end()
    {
        var chunk = new byte[4096];
        Array.Fill(chunk, (byte)'x');
        var warmUp = (ReadOnlySpan<byte>)"OK\r\n+MQTTOPEN: OK\r\n"u8;
        while (new AtTokenizer().TryRead(ref warmUp, out _)) { }   // the first call of a code path sets up its tables
        var tokenizer = new AtTokenizer();
        var frames = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Megabytes * 256; i++)
        {
            var span = (ReadOnlySpan<byte>)chunk;
            while (tokenizer.TryRead(ref span, out _)) frames++;
        }
        var end = (ReadOnlySpan<byte>)"\r\n"u8;
        while (tokenizer.TryRead(ref end, out var frame)) { Assert.That(frame.Kind, Is.EqualTo(FrameKind.Overflow)); frames++; }

        Assert.That(frames, Is.EqualTo(1), "one overflow frame for the whole line");
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(4 * (new AtTokenizerOptions().MaxFrameLength + 64)), "the carry buffer growing to its limit, nothing per byte");
    }

    [Test]
    public void The_event_reader_keeps_no_more_for_a_flood_of_distinct_urcs()
    {
        var reader = new AtEventReader(new AtTokenizerOptions { CommandsKnown = false });
        var events = 0;
        var retained = Retained(reader, () =>
        {
            foreach (var chunk in Chunks(i => $"+MQTTPUBACK: {i % 65536},{i}\r\n+NNMI: {i},AABB{i}\r\n", 200_000))
            {
                var span = (ReadOnlySpan<byte>)chunk;
                while (reader.TryRead(ref span, out _)) events++;
            }
        });

        Assert.That(events, Is.EqualTo(400_000));
        Assert.That(retained, Is.LessThan(1 << 20), "bytes the reader holds after 400,000 distinct URC lines");
    }

    [Test]
    public void A_secret_stream_keeps_one_line_and_a_few_learned_secrets()
    {
        var stream = new SecretMasker(["TopSecret123456"]).Stream();
        var retained = Retained(stream, () =>
        {
            foreach (var chunk in Chunks(i => $"AT+MQTTCFG=\"h\",1,\"d\",60,\"p\",\"Password{i}\",1\r\n{new string('z', 900)}", 20_000))
                stream.Mask(chunk);
        });

        Assert.That(retained, Is.LessThan(1 << 20), "bytes the masker holds after 20,000 passwords and 18 MB of one long line");
    }

    [Test]
    public async Task The_emulator_keeps_one_line_for_megabytes_without_a_line_end()
    {
        var module = new VirtualModule(new EmulatorOptions());
        var output = 0;
        module.OutputWritten += (_, bytes) => output += bytes.Length;
        var chunk = Encoding.ASCII.GetBytes(new string('A', 4096));
        var retained = Retained(module, () =>
        {
            for (var i = 0; i < Megabytes * 256; i++) module.Write(chunk);
        });
        module.Write("\r"u8);
        await module.DisposeAsync();

        Assert.That(retained, Is.LessThan(1 << 20), "bytes the module holds after megabytes of one line");
        Assert.That(output, Is.EqualTo("\r\n+CME ERROR: 601\r\n".Length), "one answer for the overlong line, no echo");
    }
}
