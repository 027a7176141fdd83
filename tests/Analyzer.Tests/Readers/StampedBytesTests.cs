using System.Text;
using Conformance.Analyzer.Readers;
using Conformance.Corpora;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>A Tera Term log is read from its bytes in place; it must read exactly as its decoded lines do.</summary>
public class StampedBytesTests
{
    private static readonly Encoding Gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;

    private static byte[] Log()
    {
        var log = new List<byte>();
        void Line(string text) => log.AddRange(Encoding.ASCII.GetBytes(text + "\r\n"));
        Line("[2026-02-28 23:59:59.9999999] +MQTTPUBACK: 1,0");
        Line("[2026-02-29 00:00:00.000] not a date, so no time");
        Line("");
        Line("[2026-03-01 00:00:00.12345678] eight digits are no stamp");
        Line("[2026-03-01 00:00:01]AT+CSQ");
        Line("[2026-03-01 00:00:01.5] AT+CSQ");
        log.AddRange(Encoding.ASCII.GetBytes("[2026-03-01 00:00:02.25] +MQTTPUBLISH: 0,0,0,0,\"t\",4,"));
        log.AddRange(Gbk.GetBytes("温度"));
        log.AddRange("\n[2026-03-01 00:00:03.] a dot without digits\r[2026-03-01 00:00:04.1] OK"u8.ToArray());
        return [.. log];
    }

    private static LogRecord[] ReadInPlace() => [.. new TimestampedReader().Read([new LineSplitter(new MemoryStream(Log()), "f.log")])];

    [Test]
    public void Reading_in_place_gives_the_records_of_the_decoded_lines()
    {
        var decoded = new TimestampedReader().Read(LineSplitter.Lines(new MemoryStream(Log()), "f.log")).ToArray();

        Assert.That(ReadInPlace().Select(r => r with { SinceStart = null }), Is.EqualTo(decoded));
    }

    [Test]
    public void Stamps_are_read_from_the_bytes_as_the_format_writes_them()
    {
        var records = ReadInPlace();
        var first = new DateTimeOffset(2026, 2, 28, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999);
        var late = new DateTimeOffset(2026, 3, 1, 0, 0, 1, 500, TimeSpan.Zero);

        Assert.That(records.Select(r => r.Line), Is.EqualTo(new long[] { 1, 2, 4, 5, 6, 7, 8, 9 }), "the blank line 3 carries nothing");
        Assert.That(records.Select(r => r.Time), Is.EqualTo(new DateTimeOffset?[]
        {
            first, null, null, late.AddMilliseconds(-500), late, late.AddMilliseconds(750), late.AddMilliseconds(750),
            late.AddMilliseconds(2600),
        }), "an unstamped line keeps the last stamp's time; a stamp that is no time gives none");
        Assert.That(records.Select(r => r.SinceStart), Is.EqualTo(records.Select(r => r.Time - first)));
        Assert.That(Encoding.ASCII.GetString(records[1].Data), Is.EqualTo("not a date, so no time\r\n"), "a stamp's shape is a stamp");
        Assert.That(records.Select(r => r.StampNotATime), Is.EqualTo(new[] { false, true, false, false, false, false, false, false }),
            "only the line whose stamp is no time says so");
        Assert.That(Encoding.ASCII.GetString(records[2].Data), Is.EqualTo("[2026-03-01 00:00:00.12345678] eight digits are no stamp\r\n"));
        Assert.That(records[3].Data, Is.EqualTo("AT+CSQ\r\n"u8.ToArray()), "the space after the stamp is optional");
        Assert.That(records[3].Direction, Is.EqualTo(LogDirection.ToModule));
        Assert.That(records[4].Direction, Is.EqualTo(LogDirection.FromModule), "the same command again is its echo");
        Assert.That(records[5].Data, Is.EqualTo((byte[])[.. "+MQTTPUBLISH: 0,0,0,0,\"t\",4,"u8, .. Gbk.GetBytes("温度"), .. "\r\n"u8]), "GBK bytes kept as written");
        Assert.That(records[7].Data, Is.EqualTo("OK\r\n"u8.ToArray()), "the last line needs no line end");
    }

    /// <summary>
    /// What reading a stamped log costs, counted deterministically: the record of each line and its data, nothing per
    /// line beyond (measured 3.3 B per byte of a log of 45-byte lines; it was 24.5 with a string and a regex match per line).
    /// </summary>
    [Test]
    public void Reading_a_timestamped_log_allocates_only_the_records()
    {
        using var log = new TempLog();
        var file = log.Write("teraterm.log", TimestampedLog.Generate(1024 * 1024).Bytes);
        var warm = log.Write("warm.log", TimestampedLog.Generate(16 * 1024).Bytes);
        foreach (var _ in LogSource.Open(warm).Read()) { }
        var source = LogSource.Open(file);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var records = 0;
        foreach (var _ in source.Read()) records++;
        var perByte = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / new FileInfo(file).Length;

        Assert.That(source.Format, Is.EqualTo(LogFormat.Timestamped));
        Assert.That(records, Is.GreaterThan(20_000));
        Assert.That(perByte, Is.LessThan(4), $"{perByte:0.0} B allocated per byte of log");
    }

    [Test]
    public void Records_lent_in_place_are_the_records_read_one_by_one()
    {
        using var log = new TempLog();
        // Line ends of every kind (the data is lent from the buffer only for CR LF), a pasted comment prefix, a rotation.
        var mixed = log.Write("mixed.log", Log());
        var pasted = log.Write("pasted.log", "# [2026-03-01 10:00:00.1] AT+CSQ\n#\n# [2026-03-01 10:00:00.2] +CSQ: 20,99\r\n# OK\r"u8.ToArray());
        var generated = log.Write("teraterm.log", TimestampedLog.Generate(256 * 1024).Bytes);
        File.WriteAllBytes(generated + ".1", Log());

        foreach (var file in new[] { mixed, pasted, generated })
        {
            var source = LogSource.Open(file);
            var lent = new Collected();
            source.Read(lent);

            Assert.That(source.Format, Is.EqualTo(LogFormat.Timestamped), file);
            Assert.That(lent.Records, Is.EqualTo(source.Read().ToList()), file);
        }
    }

    [Test]
    public void Lending_the_records_of_a_timestamped_log_allocates_nothing_per_line()
    {
        using var log = new TempLog();
        var file = log.Write("teraterm.log", TimestampedLog.Generate(1024 * 1024).Bytes);
        LogSource.Open(log.Write("warm.log", TimestampedLog.Generate(16 * 1024).Bytes)).Read(new Counted());
        var source = LogSource.Open(file);
        var counted = new Counted();

        var before = GC.GetAllocatedBytesForCurrentThread();
        source.Read(counted);
        var perByte = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / new FileInfo(file).Length;

        Assert.That(counted.Records, Is.GreaterThan(20_000));
        Assert.That(perByte, Is.LessThan(0.1), $"{perByte:0.00} B allocated per byte of log");
    }
}
