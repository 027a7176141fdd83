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
    public void A_line_up_to_the_limit_is_read_whole_through_a_small_buffer()
    {
        var payload = new string('A', LineSplitter.MaxLine);
        var lines = Split(Encoding.ASCII.GetBytes($"OK\r\n{payload}\r\nOK\r\n"), bufferSize: 1024);

        Assert.That(lines.Select(l => (l.Content.Length, l.Content == payload, l.Ending)), Is.EqualTo(new[] { (2, false, "\r\n"), (payload.Length, true, "\r\n"), (2, false, "\r\n") }));
    }

    [Test]
    public void A_line_beyond_the_limit_keeps_its_start_and_its_line_end_and_the_next_line_follows()
    {
        // A firmware image pasted as one line: its first MiB is the line, the rest is skipped up to its line end.
        var start = new string('S', LineSplitter.MaxLine);
        var log = Encoding.ASCII.GetBytes($"OK\r\n{start}{new string('R', 3 * LineSplitter.MaxLine + 7)}\r\nAT+CSQ\rOK");

        foreach (var bufferSize in new[] { 1024, 64 * 1024, 5 * LineSplitter.MaxLine })
        {
            // The kept line is named by its length and its last character, not printed whole should it differ.
            var lines = LineSplitter.Lines(new MemoryStream(log), "log.txt", bufferSize: bufferSize)
                .Select(l => (l.Number, Encoding.ASCII.GetString(l.Content.Span), Encoding.ASCII.GetString(l.Ending.Span)))
                .Select(l => (l.Number, l.Item2.Length > 100 ? $"{l.Item2.Length} x {l.Item2[^1]}, same: {l.Item2 == start}" : l.Item2, l.Item3)).ToList();

            Assert.That(lines, Is.EqualTo(new[] { (1L, "OK", "\r\n"), (2L, $"{start.Length} x S, same: True", "\r\n"), (3L, "AT+CSQ", "\r"), (4L, "OK", "") }), $"buffer {bufferSize}");
        }
    }

    [Test]
    public void A_log_that_is_one_endless_line_ends_with_its_first_MiB()
    {
        var lines = Split(Encoding.ASCII.GetBytes(new string('x', 2 * LineSplitter.MaxLine + 1)), bufferSize: 4096);

        Assert.That(lines.Select(l => (l.Content.Length, l.Ending)), Is.EqualTo(new[] { (LineSplitter.MaxLine, "") }));
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
