#pragma warning disable CA1835 // the array overloads are what is tested here
using System.Text;
using Conformance.Protocol.Streams;

namespace Conformance.Protocol.Tests.Streams;

public class DuplexStreamTests
{
    /// <summary>A loop: what is written is read back; only the two Memory methods are its own.</summary>
    private sealed class Loop : DuplexStream
    {
        private readonly Queue<byte> _bytes = new();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var count = 0;
            while (count < buffer.Length && _bytes.TryDequeue(out var b)) buffer.Span[count++] = b;
            return ValueTask.FromResult(count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            foreach (var b in buffer.Span) _bytes.Enqueue(b);
            return ValueTask.CompletedTask;
        }
    }

    [Test]
    public async Task Every_way_of_reading_and_writing_reaches_the_link()
    {
        using var loop = new Loop();

        loop.Write("AT\r\n"u8.ToArray(), 0, 4);
        await loop.WriteAsync("OK\r\n"u8.ToArray(), 0, 4);
        using (var writer = new StreamWriter(loop, leaveOpen: true)) writer.Write("+MQTTOPEN: OK\r\n");
        var buffer = new byte[64];
        var first = loop.Read(buffer, 0, 4);
        var rest = await loop.ReadAsync(buffer, 4, 60);

        Assert.That(Encoding.ASCII.GetString(buffer, 0, first + rest), Is.EqualTo("AT\r\nOK\r\n+MQTTOPEN: OK\r\n"));
    }

    [Test]
    public void It_has_no_position_and_says_so()
    {
        using var loop = new Loop();

        Assert.That((loop.CanRead, loop.CanWrite, loop.CanSeek), Is.EqualTo((true, true, false)));
        Assert.Throws<NotSupportedException>(() => _ = loop.Length);
        Assert.Throws<NotSupportedException>(() => _ = loop.Position);
        Assert.Throws<NotSupportedException>(() => loop.Seek(0, SeekOrigin.Begin));
        Assert.Throws<NotSupportedException>(() => loop.SetLength(1));
    }
}
