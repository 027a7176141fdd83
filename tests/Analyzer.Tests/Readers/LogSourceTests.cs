using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

public class LogSourceTests
{
    [Test]
    public void A_rotated_log_is_read_oldest_file_first_as_one_stream()
    {
        using var log = new TempLog();
        var oldest = log.Write("log.txt.2", "[10:00:00.000] AT\n");
        var older = log.Write("log.txt.1", "[10:00:00.030] OK\n[23:59:59.000] AT+CSQ\n");
        var newest = log.Write("log.txt", "[00:00:01.000] +CSQ: 20,99\n");
        log.Write("log.txt.bak", "not part of the rotation\n");

        var source = LogSource.Open(newest);
        var records = source.Read().ToList();

        Assert.That(source.Files, Is.EqualTo(new[] { oldest, older, newest }));
        Assert.That(records.Select(r => (Path.GetFileName(r.File), r.Line)), Is.EqualTo(new[] { ("log.txt.2", 1L), ("log.txt.1", 1L), ("log.txt.1", 2L), ("log.txt", 1L) }));
        Assert.That(records[^1].SinceStart, Is.EqualTo(new TimeSpan(14, 0, 1)));
        Assert.That(source.BytesRead, Is.EqualTo(source.TotalBytes));
    }

    /// <summary>logrotate with <c>compress</c> and <c>delaycompress</c>: the newest rotation plain, the older ones gzipped.</summary>
    [Test]
    public void A_log_rotated_by_logrotate_reads_its_compressed_rotations_too()
    {
        using var log = new TempLog();
        static byte[] Gzip(string text)
        {
            var packed = new MemoryStream();
            using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Fastest))
                gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
            return packed.ToArray();
        }
        var oldest = log.Write("modem.log.10.gz", Gzip("[2024-01-02 10:00:00.000] AT\n"));
        var older = log.Write("modem.log.2.gz", Gzip("[2024-01-02 10:00:00.030] OK\n[2024-01-02 10:00:01.000] AT+CSQ\n"));
        var newer = log.Write("modem.log.1", "[2024-01-02 10:00:01.100] +CSQ: 20,99\n");
        var newest = log.Write("modem.log", "[2024-01-02 10:00:01.101] OK\n");
        log.Write("modem.log.gz", "a copy of the log, not a rotation\n");
        log.Write("modem.log.2.gz.part", "an unfinished download\n");

        var source = LogSource.Open(newest);

        Assert.That(source.Files, Is.EqualTo(new[] { oldest, older, newer, newest }));
        Assert.That(source.Read().Select(r => r.Text.TrimEnd()), Is.EqualTo(new[] { "AT", "OK", "AT+CSQ", "+CSQ: 20,99", "OK" }));
        Assert.That(new[] { oldest, older, newer, newest }.Select(LogFiles.CurrentOf), Is.EqualTo(new[] { newest, newest, newest, null }));
    }

    [Test]
    public void A_forced_format_overrides_detection()
    {
        var (source, records) = TempLog.Read("[#Send]AT\n[#Recv]OK\n", LogFormat.Raw);

        Assert.That(source.Detection.Format, Is.EqualTo(LogFormat.Manual));
        Assert.That(source.Format, Is.EqualTo(LogFormat.Raw));
        Assert.That(records.Select(r => r.Text), Is.EqualTo(new[] { "[#Send]AT\n[#Recv]OK\n" }), "read as module output, stamps and all");
    }

    [Test]
    public void Format_names_round_trip_and_unknown_names_list_the_known_ones()
    {
        Assert.That(Enum.GetValues<LogFormat>().Select(f => LogFormatNames.Parse(LogFormatNames.NameOf(f))), Is.EqualTo(Enum.GetValues<LogFormat>()));
        Assert.That(LogFormatNames.Parse("SSCOM-hex"), Is.EqualTo(LogFormat.SscomHex));

        var error = Assert.Throws<ArgumentException>(() => LogFormatNames.Parse("hexdump"));
        Assert.That(error!.Message, Does.Contain("'hexdump'").And.Contain("python-bytes"));
    }

    [Test]
    public void Detection_reads_a_stream_sample()
    {
        var guess = LogFormatDetector.Detect(new MemoryStream("<debug> [1640639307.692391] [modem0/ttyUSB1/at] <-- '<CR><LF>OK<CR><LF>'\n"u8.ToArray()));

        Assert.That(guess, Has.Property("Format").EqualTo(LogFormat.ModemManager).And.Property("Confidence").GreaterThan(0.6));
    }
}
