using System.IO.Compression;
using System.Text;
using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>How a log is stored: UTF-16 from PowerShell, gzip, several files, standard input.</summary>
public class StoredInputTests
{
    private const string Log = "AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"KeyOf16Chars0001\",1\r\n\r\nOK\r\nAT+CSQ\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n";

    private static readonly (LogDirection, string)[] Expected =
    [
        (LogDirection.ToModule, "AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"KeyOf16Chars0001\",1"), (LogDirection.FromModule, "OK"),
        (LogDirection.ToModule, "AT+CSQ"), (LogDirection.FromModule, "+CSQ: 20,99"), (LogDirection.FromModule, "OK"),
    ];

    private static byte[] Gzip(byte[] bytes)
    {
        var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest)) gzip.Write(bytes);
        return packed.ToArray();
    }

    public static IEnumerable<TestCaseData> Stored()
    {
        yield return new TestCaseData(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Log)).ToArray(), "UTF-16LE").SetName("UTF-16 LE with a byte order mark (PowerShell)");
        yield return new TestCaseData(Encoding.Unicode.GetBytes(Log), "UTF-16LE").SetName("UTF-16 LE without a byte order mark");
        yield return new TestCaseData(Encoding.BigEndianUnicode.GetBytes(Log), "UTF-16BE").SetName("UTF-16 BE");
        yield return new TestCaseData(Gzip(Encoding.UTF8.GetBytes(Log)), "gzip").SetName("gzip");
        yield return new TestCaseData(Gzip(Encoding.Unicode.GetBytes(Log)), "gzip, UTF-16LE").SetName("gzip of UTF-16");
        yield return new TestCaseData(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Log)).ToArray(), "").SetName("UTF-8 with a byte order mark");
    }

    [TestCaseSource(nameof(Stored))]
    public void A_log_stored_another_way_reads_as_its_text(byte[] stored, string storage)
    {
        var (source, records) = TempLog.Read(stored);

        Assert.That(source.Storage, Is.EqualTo(new[] { storage }));
        Assert.That(source.Format, Is.EqualTo(LogFormat.Raw));
        Assert.That(Traffic.Lines(records), Is.EqualTo(Expected));
        Assert.That(source.BytesRead, Is.EqualTo(stored.Length), "progress counts the bytes stored");
    }

    [Test]
    public void A_short_file_starting_with_power_up_noise_is_not_taken_for_utf16()
    {
        // A NUL in every other place of a few bytes proves nothing (the last file of a rotation can be this short); found by fuzzing.
        var (source, records) = TempLog.Read([0x00, (byte)'O', (byte)'K', (byte)'\r', (byte)'\n'], LogFormat.Raw);

        Assert.That(source.Storage, Is.EqualTo(new[] { "" }));
        Assert.That(records.Select(r => r.Text), Has.Some.Contains("OK"));
    }

    [Test]
    public void A_broken_gzip_file_is_refused_with_its_name()
    {
        byte[] stored = [0x1F, 0x8B, .. Encoding.UTF8.GetBytes(Log)];

        var error = Assert.Throws<LogReadException>(() => TempLog.Read(stored));
        Assert.That(error!.Message, Does.Contain("log.txt").And.Contain("gzip"));
    }

    [Test]
    public void A_gzip_file_cut_short_is_refused_when_its_end_is_read_not_taken_for_a_log_that_ends_there()
    {
        // Long enough that the cut lies beyond what detection looks at: the reading finds it.
        var whole = Gzip(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Log, 5000))));

        var error = Assert.Throws<LogReadException>(() => TempLog.Read(whole[..(whole.Length * 2 / 3)]));
        Assert.That(error!.Message, Does.Contain("log.txt").And.Contain("cut short"));
        Assert.That(error.Line, Is.GreaterThan(1), "the line where the text stops");
    }

    /// <summary>Padding to a block and junk an upload appended follow the gzip data: gzip passes over both, and so does the reader.</summary>
    [TestCase(512, (byte)0x00)]
    [TestCase(3, (byte)'\n')]
    [TestCase(100, (byte)0xA5)]
    public void Bytes_after_a_whole_gzip_file_are_passed_over_not_taken_for_a_cut(int count, byte value)
    {
        byte[] padded = [.. Gzip(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Log, 100)))), .. Enumerable.Repeat(value, count)];

        var (_, records) = TempLog.Read(padded);

        Assert.That(Traffic.Lines(records), Has.Count.EqualTo(Expected.Length * 100));
    }

    /// <summary>A packed upload is named for what it is, with the command that unpacks it, not refused as binary data.</summary>
    [TestCase(new byte[] { 0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C }, "is a 7z archive: unpack it first (7z x)")]
    [TestCase(new byte[] { 0x42, 0x5A, 0x68, 0x39, 0x31, 0x41, 0x59 }, "is a bzip2 file: unpack it first (bunzip2)")]
    [TestCase(new byte[] { 0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00 }, "is an xz file: unpack it first (unxz)")]
    [TestCase(new byte[] { 0x50, 0x41, 0x52, 0x31, 0x15, 0x04 }, "is a Parquet file (read it with DuckDB's read_parquet)")]
    [TestCase(new byte[] { 0x94, 0x2D, 0x89, 0x5A, 0x81, 0x6E, 0x8F, 0x0F, 0x44, 0x55, 0x43, 0x4B, 0x40, 0x00 }, "is a DuckDB database (query it with 'conformance fleet query')")]
    public void An_archive_is_named_with_the_command_that_unpacks_it(byte[] magic, string message)
    {
        byte[] file = [.. magic, .. Enumerable.Range(0, 4000).Select(i => (byte)(i * 31 % 256))];

        var error = Assert.Throws<LogReadException>(() => TempLog.Read(file));
        Assert.That(error!.Message, Does.Contain($"log.txt: {message}, not a log"));
    }

    [Test]
    public void A_log_gzipped_twice_is_named_so()
    {
        var error = Assert.Throws<LogReadException>(() => TempLog.Read(Gzip(Gzip(Encoding.UTF8.GetBytes(Log)))));
        Assert.That(error!.Message, Does.Contain("gzip packed twice: unpack it once more (gunzip)"));
    }

    [Test]
    public void A_gzip_file_of_several_members_reads_as_all_of_them()
    {
        byte[] joined = [.. Gzip(Encoding.UTF8.GetBytes(Log)), .. Gzip(Encoding.UTF8.GetBytes(Log))];

        var (source, records) = TempLog.Read(joined);

        Assert.That(source.Storage, Is.EqualTo(new[] { "gzip" }));
        Assert.That(Traffic.Lines(records), Is.EqualTo(Expected.Concat(Expected)));
    }

    [Test]
    public void Several_files_read_as_one_log_in_the_order_given_without_their_rotations()
    {
        using var log = new TempLog();
        var second = log.Write("b.log", "AT+CSQ\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
        var first = log.Write("a.log", "AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"KeyOf16Chars0001\",1\r\n\r\nOK\r\n");
        log.Write("b.log.1", "AT+CGATT?\r\n");

        var source = LogSource.Open([first, second]);
        var records = source.Read().ToList();

        Assert.That(source.Files, Is.EqualTo(new[] { first, second }));
        Assert.That(Traffic.Lines(records), Is.EqualTo(Expected));
        Assert.That(records.Select(r => Path.GetFileName(r.File)).Distinct(), Is.EqualTo(new[] { "a.log", "b.log" }));
    }

    [Test]
    public void A_binary_file_among_text_files_is_refused_by_name()
    {
        using var log = new TempLog();
        var noise = new byte[10_000];
        new Random(1).NextBytes(noise);
        var text = log.Write("a.log", Log);
        var binary = log.Write("firmware.bin", noise);

        var error = Assert.Throws<LogReadException>(() => LogSource.Open([text, binary]));
        Assert.That(error!.File, Is.EqualTo(binary));
    }

    [Test]
    public void Empty_inputs_are_told_apart_from_logs_without_traffic()
    {
        using var log = new TempLog();

        Assert.That(LogSource.Open([log.Write("a.log", ""), log.Write("b.log", "")]).IsEmpty, Is.True);
        Assert.That(LogSource.Open([log.Write("c.log", ""), log.Write("d.log", "x\n")]).IsEmpty, Is.False);
    }

    [Test]
    public void A_large_gzip_of_a_utf16_transcript_streams_in_bounded_memory()
    {
        const int Exchanges = 400_000;
        using var log = new TempLog();
        var path = Path.Combine(log.Directory, "big.log.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            var exchange = Encoding.Unicode.GetBytes("=> AT+CSQ\r\n<= +CSQ: 20,99 OK\r\n");
            gzip.Write(Encoding.Unicode.GetPreamble());
            for (var i = 0; i < Exchanges; i++) gzip.Write(exchange);
        }
        var source = LogSource.Open(path);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long records = 0, peak = 0;

        foreach (var record in source.Read())
        {
            if (++records % 200_000 == 0) peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
        }

        Assert.That((source.Format, source.Storage[0]), Is.EqualTo((LogFormat.Transcript, "gzip, UTF-16LE")));
        Assert.That(records, Is.EqualTo(3L * Exchanges));
        Assert.That(peak, Is.LessThan(16 << 20), $"{Exchanges * 58L >> 20} MB of UTF-16 text held {peak >> 20} MB");
    }
}
