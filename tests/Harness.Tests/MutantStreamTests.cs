using System.Text;
using Conformance.Harness.Mutation;
using Microsoft.Extensions.Time.Testing;

namespace Conformance.Harness.Tests;

/// <summary>The filter between the module and the harness alters only the lines a mutant picks, and keeps the framing.</summary>
public class MutantStreamTests
{
    [Test]
    public async Task Lines_not_picked_pass_byte_for_byte_including_a_message_with_its_own_line_end()
    {
        var module = "\r\nOK\r\n\r\n+MQTTPUBLISH: 0,1,0,3,\"t\",4,a\r\nb\r\n"u8.ToArray();

        var heard = await HearAsync(LineFilters.Drop(Pick.Named("+MQTTSUBACK")), module);

        Assert.That(heard, Is.EqualTo(Encoding.Latin1.GetString(module)));
    }

    [Test]
    public async Task A_rewrite_sees_binary_bytes_one_char_each_and_gives_them_back_unchanged()
    {
        byte[] module = [.. "\r\n+MQTTPUBLISH: 0,1,0,3,\"t\",3,"u8, 0x03, 0xFF, 0x80, .. "\r\n"u8];

        var heard = await HearAsync(LineFilters.Rewrite(Pick.Named("+MQTTPUBLISH"), line => line.Replace("\"t\"", "\"u\"", StringComparison.Ordinal)), module);

        Assert.That(Encoding.Latin1.GetBytes(heard), Is.EqualTo((byte[])[.. "\r\n+MQTTPUBLISH: 0,1,0,3,\"u\",3,"u8, 0x03, 0xFF, 0x80, .. "\r\n"u8]));
    }

    [Test]
    public async Task A_swap_holds_the_first_line_until_the_second_comes()
    {
        var heard = await HearAsync(LineFilters.Swap(Pick.Named("+MQTTPUBREC"), Pick.Named("+MQTTPUBCOMP")),
            "\r\n+MQTTPUBREC: 0,2\r\n"u8.ToArray(), "\r\n+MQTTPUBCOMP: 0,2\r\n"u8.ToArray());

        Assert.That(heard, Is.EqualTo("\r\n+MQTTPUBCOMP: 0,2\r\n\r\n+MQTTPUBREC: 0,2\r\n"));
    }

    [Test]
    public async Task A_precede_puts_the_second_line_before_the_held_one_and_any_other_after_it()
    {
        var filter = LineFilters.Precede(Pick.Is("OK"), Pick.Named("+MQTTPUBACK"));

        var acked = await HearAsync(filter, "\r\nOK\r\n"u8.ToArray(), "\r\n+MQTTPUBACK: 3,1\r\n"u8.ToArray());
        var timedOut = await HearAsync(LineFilters.Precede(Pick.Is("OK"), Pick.Named("+MQTTPUBACK")),
            "\r\nOK\r\n"u8.ToArray(), "\r\n+MQTTTO: 2\r\n"u8.ToArray());

        Assert.That(acked, Is.EqualTo("\r\n+MQTTPUBACK: 3,1\r\n\r\nOK\r\n"));
        Assert.That(timedOut, Is.EqualTo("\r\nOK\r\n\r\n+MQTTTO: 2\r\n"), "no outcome came: the answer is not held past the next line");
    }

    [Test]
    public async Task A_delayed_line_comes_when_the_clock_says_and_later_lines_overtake_it()
    {
        var clock = new FakeTimeProvider();
        var module = new Pipe();
        await using var stream = new MutantStream(module, LineFilters.Delay(Pick.Named("+MQTTSUBACK"), TimeSpan.FromSeconds(20)), clock);
        module.Send("\r\n+MQTTSUBACK: 1,1,\"t\"\r\n"u8.ToArray());
        module.Send("\r\nOK\r\n"u8.ToArray());

        Assert.That(await ReadAsync(stream, "\r\nOK\r\n".Length), Is.EqualTo("\r\nOK\r\n"));
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.That(await ReadAsync(stream, "\r\n+MQTTSUBACK: 1,1,\"t\"\r\n".Length), Is.EqualTo("\r\n+MQTTSUBACK: 1,1,\"t\"\r\n"));
    }

    [Test]
    public async Task It_holds_output_until_the_harness_comes_back_for_more()
    {
        var module = new Pipe();
        await using var stream = new MutantStream(module, LineFilters.Drop(Pick.Named("+MQTTSUBACK")), new FakeTimeProvider());
        Assert.That(stream.Holding, Is.False);

        module.Send("\r\nOK\r\n"u8.ToArray());
        await ReadAsync(stream, 6);
        Assert.That(stream.Holding, Is.True, "a read is handled only when the reader asks again");

        var next = stream.ReadAsync(new byte[16]).AsTask();
        Assert.That(stream.Holding, Is.False);
        module.End();
        Assert.That(await next.WaitAsync(TimeSpan.FromSeconds(10)), Is.Zero);
    }

    [Test]
    public async Task The_password_the_host_configured_is_what_an_echoing_module_shows()
    {
        var module = new Pipe();
        await using var stream = new MutantStream(module, new PasswordEcho(), new FakeTimeProvider());
        await stream.WriteAsync("AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"k3y\",1\r\n"u8.ToArray());
        module.Send("\r\n+MQTTCFG: \"h\",6002,\"d\",60,\"p\",***,1\r\n"u8.ToArray());

        Assert.That(await ReadAsync(stream, "\r\n+MQTTCFG: \"h\",6002,\"d\",60,\"p\",\"k3y\",1\r\n".Length),
            Is.EqualTo("\r\n+MQTTCFG: \"h\",6002,\"d\",60,\"p\",\"k3y\",1\r\n"));
        Assert.That(Encoding.ASCII.GetString(module.Written.ToArray()), Is.EqualTo("AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"k3y\",1\r\n"), "host bytes pass unchanged");
    }

    private static async Task<string> HearAsync(LineFilter filter, params byte[][] chunks)
    {
        var module = new Pipe();
        await using var stream = new MutantStream(module, filter, new FakeTimeProvider());
        foreach (var chunk in chunks) module.Send(chunk);
        module.End();
        var all = new MemoryStream();
        await stream.CopyToAsync(all);
        return Encoding.Latin1.GetString(all.ToArray());
    }

    private static async Task<string> ReadAsync(Stream stream, int count)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        return Encoding.Latin1.GetString(buffer);
    }

    /// <summary>A module side that hands over each sent chunk as one read, as the in-process module does.</summary>
    private sealed class Pipe : Stream
    {
        private readonly System.Threading.Channels.Channel<byte[]> _chunks = System.Threading.Channels.Channel.CreateUnbounded<byte[]>();

        public MemoryStream Written { get; } = new();

        public void Send(byte[] chunk) => _chunks.Writer.TryWrite(chunk);

        public void End() => _chunks.Writer.TryComplete();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!await _chunks.Reader.WaitToReadAsync(cancellationToken)) return 0;
            var chunk = await _chunks.Reader.ReadAsync(cancellationToken);
            chunk.CopyTo(buffer);
            return chunk.Length;
        }

        public override void Write(byte[] buffer, int offset, int count) => Written.Write(buffer, offset, count);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
