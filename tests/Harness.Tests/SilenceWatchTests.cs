using System.Text;
using System.Threading.Channels;
using Conformance.Harness.Running;
using Microsoft.Extensions.Time.Testing;

namespace Conformance.Harness.Tests;

/// <summary>The give-up watch: silence counts only after a command the module has not answered with a single byte.</summary>
public class SilenceWatchTests
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new();

    [Test]
    public async Task A_command_left_unanswered_for_the_give_up_time_fails_the_read()
    {
        var module = new ScriptedStream();
        await using var watched = new SilenceWatchStream(module, GiveUp, _time);
        var read = watched.ReadAsync(new byte[64]).AsTask();

        await watched.WriteAsync("AT\r\n"u8.ToArray());
        _time.Advance(GiveUp);

        var e = Assert.ThrowsAsync<ModuleSilentException>(() => read.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.That(e!.Message, Does.Contain("sent nothing for 30 s"));
    }

    [Test]
    public async Task Waiting_for_a_urc_after_an_answer_is_not_silence()
    {
        var module = new ScriptedStream();
        await using var watched = new SilenceWatchStream(module, GiveUp, _time);
        var buffer = new byte[64];
        await watched.WriteAsync("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n"u8.ToArray());
        module.Say("\r\nOK\r\n");
        Assert.That(await watched.ReadAsync(buffer), Is.EqualTo(6));

        var urc = watched.ReadAsync(buffer).AsTask();
        _time.Advance(GiveUp * 10);
        module.Say("\r\n+MQTTOPEN: OK\r\n");

        Assert.That(await urc.WaitAsync(TimeSpan.FromMinutes(1)), Is.EqualTo("\r\n+MQTTOPEN: OK\r\n".Length));
    }

    [Test]
    public async Task The_give_up_time_counts_from_the_first_unanswered_command()
    {
        var module = new ScriptedStream();
        await using var watched = new SilenceWatchStream(module, GiveUp, _time);
        var read = watched.ReadAsync(new byte[64]).AsTask();

        await watched.WriteAsync("AT\r\n"u8.ToArray());
        _time.Advance(GiveUp / 2);
        await watched.WriteAsync("AT\r\n"u8.ToArray());
        _time.Advance(GiveUp / 2);

        Assert.ThrowsAsync<ModuleSilentException>(() => read.WaitAsync(TimeSpan.FromMinutes(1)));
    }

    /// <summary>A module whose output the test feeds line by line; what the host writes is dropped.</summary>
    private sealed class ScriptedStream : Stream
    {
        private readonly Channel<byte[]> _output = Channel.CreateUnbounded<byte[]>();

        public void Say(string text) => _output.Writer.TryWrite(Encoding.ASCII.GetBytes(text));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancel = default)
        {
            var chunk = await _output.Reader.ReadAsync(cancel);
            chunk.CopyTo(buffer);
            return chunk.Length;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancel = default) => ValueTask.CompletedTask;

        public override bool CanRead => true;
        public override bool CanWrite => true;
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
