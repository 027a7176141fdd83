using System.Text;
using Conformance.Analyzer.Readers;
using CsCheck;

namespace Conformance.Analyzer.Tests.Readers;

public class LineSplitterTests
{
    private static List<(string Content, string Ending)> Split(byte[] bytes, int bufferSize = 64 * 1024) =>
        [.. LineSplitter.Lines(new MemoryStream(bytes), "log.txt", bufferSize: bufferSize)
            .Select(line => (Encoding.Latin1.GetString(line.Content.Span), Encoding.Latin1.GetString(line.Ending.Span)))];

    [Test]
    public void Crlf_lf_and_lone_cr_each_end_a_line_and_are_kept()
    {
        var lines = Split("AT\r\n\r\nOK\nAT+CSQ\r+CSQ: 20,99\r\r\n"u8.ToArray());

        Assert.That(lines, Is.EqualTo(new[] { ("AT", "\r\n"), ("", "\r\n"), ("OK", "\n"), ("AT+CSQ", "\r"), ("+CSQ: 20,99", "\r"), ("", "\r\n") }));
    }

    [Test]
    public void A_truncated_last_line_is_read_without_line_end()
    {
        Assert.That(Split("OK\r\n+MQTTOP"u8.ToArray()), Is.EqualTo(new[] { ("OK", "\r\n"), ("+MQTTOP", "") }));
        Assert.That(Split([]), Is.Empty);
    }

    private static readonly string[] Parts = ["AT", "OK", "\r", "\n", "\r\n", "+MQTTPUBLISH: 0,0,0,0,x,2,hi", "\0\xFF"];

    [Test]
    public void Lines_and_line_ends_do_not_depend_on_the_buffer_size()
    {
        var text = Gen.Int[0, Parts.Length - 1].Select(i => Parts[i]).Array[0, 40]
            .Select(parts => string.Concat(parts));
        Gen.Select(text, Gen.Int[1, 64]).Sample((log, bufferSize) =>
        {
            var bytes = Encoding.Latin1.GetBytes(log);
            var lines = Split(bytes, bufferSize);
            Assert.That(lines, Is.EqualTo(Split(bytes)));
            Assert.That(string.Concat(lines.Select(l => l.Content + l.Ending)), Is.EqualTo(log));
        }, iter: 500);
    }

    [Test]
    public void A_line_of_megabytes_is_read_whole_through_a_small_buffer()
    {
        var payload = new string('A', 4 * 1024 * 1024);
        var lines = Split(Encoding.ASCII.GetBytes($"OK\r\n{payload}\r\nOK\r\n"), bufferSize: 1024);

        Assert.That(lines.Select(l => l.Content.Length), Is.EqualTo(new[] { 2, payload.Length, 2 }));
    }

    [Test]
    public void Line_numbers_count_every_kind_of_line_end()
    {
        var numbers = LineSplitter.Lines(new MemoryStream("a\rb\nc\r\nd"u8.ToArray()), "log.txt").Select(l => l.Number);

        Assert.That(numbers, Is.EqualTo(new long[] { 1, 2, 3, 4 }));
    }

    [Test]
    public void Reading_allocates_per_line_not_per_byte()
    {
        var line = Encoding.ASCII.GetBytes("+MQTTPUBLISH: 0,0,0,0,\"dev/gsm/u\",1000," + new string('x', 1000) + "\r\n");
        var log = new MemoryStream(Enumerable.Repeat(line, 8_000).SelectMany(bytes => bytes).ToArray());

        var before = GC.GetAllocatedBytesForCurrentThread();
        var count = LineSplitter.Lines(log, "log.txt").Count();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(count, Is.EqualTo(8_000));
        Assert.That(allocated, Is.LessThan(log.Length / 10), "bytes allocated to split the log");
    }
}
