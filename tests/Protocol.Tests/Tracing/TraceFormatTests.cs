using System.Text;
using Conformance.Protocol.Tracing;
using CsCheck;

namespace Conformance.Protocol.Tests.Tracing;

public class TraceFormatTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 22, 40, 41, 125, TimeSpan.Zero);

    [Test]
    public void Any_bytes_survive_escaping_exactly()
    {
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            var escaped = TraceEscaping.Escape(bytes);
            Assert.That(escaped, Does.Not.Contain('\n').And.Not.Contain('\r'));
            Assert.That(TraceEscaping.Unescape(escaped), Is.EqualTo(bytes));
        }, iter: 2000);
    }

    [Test]
    public void Any_record_survives_format_and_parse()
    {
        Gen.Select(Gen.Byte.Array[0, 100], Gen.Int[0, 2], Gen.Long[0, 100_000_000_000L], (data, direction, micros) =>
            new TraceRecord(At.AddTicks(micros * 10), (TraceDirection)direction, data)).Sample(record =>
        {
            Assert.That(TraceFormat.Parse(TraceFormat.Format(record)), Is.EqualTo(record));
        }, iter: 1000);
    }

    [Test]
    public void Readable_text_stays_readable()
    {
        var record = new TraceRecord(At, TraceDirection.FromModule, "\r\nOK\r\n"u8.ToArray());
        Assert.That(TraceFormat.Format(record), Is.EqualTo(@"2026-11-25T22:40:41.125000Z < \r\nOK\r\n"));
        var chinese = new TraceRecord(At, TraceDirection.ToModule, [.. Encoding.UTF8.GetBytes("x，y\\"), 0x00, 0xFF]);
        Assert.That(TraceFormat.Format(chinese), Is.EqualTo(@"2026-11-25T22:40:41.125000Z > x，y\\\x00\xFF"));
    }

    [TestCase("2026-11-25 22:40:41 > AT", "bad timestamp")]
    [TestCase("2026-11-25T22:40:41.125000Z ? AT", "unknown direction '?' at column 29")]
    [TestCase(@"2026-11-25T22:40:41.125000Z > AT\q", @"unknown escape '\q' at character 3 (data starts at column 31)")]
    [TestCase(@"2026-11-25T22:40:41.125000Z > AT\x4", @"bad \x escape")]
    public void A_malformed_line_says_what_and_where(string line, string message)
    {
        Assert.That(() => TraceFormat.Parse(line), Throws.InstanceOf<FormatException>().With.Message.Contains(message));
        Assert.That(TraceFormat.TryParse(line, out var record, out var error), Is.False, "the same verdict without an exception");
        Assert.That(record, Is.Null);
        Assert.That(error, Does.Contain(message));
    }

    [Test]
    public void Header_lines_are_key_value_pairs()
    {
        Assert.That(TraceFormat.Parse("# target: emulator"), Is.Null);
        Assert.That(TraceFormat.TryParseHeader("# target: tcp:127.0.0.1:5310", out var key, out var value), Is.True);
        Assert.That((key, value), Is.EqualTo(("target", "tcp:127.0.0.1:5310")));
    }
}
