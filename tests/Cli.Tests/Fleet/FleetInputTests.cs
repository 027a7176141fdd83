namespace Conformance.Cli.Tests.Fleet;

/// <summary>
/// Which files <c>fleet</c> takes as logs (globs, directories, rotations) and what it learns of each device, on
/// hand-written logs in shapes the generators do not write: echo on, bare IMEI, ATI's revision, quoted values.
/// </summary>
public sealed class FleetInputTests : TemporaryFolder
{
    [Test]
    public async Task A_glob_takes_the_matching_files_below_its_base_each_with_its_rotations()
    {
        Write("site-a/2026/modem.log", "AT\r\n\r\nOK\r\n");
        Write("site-a/2026/modem.log.1", "AT+CSQ\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
        Write("site-b/modem-2.log", "AT\r\n\r\nOK\r\n");
        Write("site-b/notes.txt", "AT\r\n\r\nOK\r\n");
        var database = Path.Combine(Folder, "f.duckdb");

        var run = await ConformanceProcess.RunAsync(null, "fleet", Path.Combine(Folder, "site-*", "**", "modem*.log"), "--db", database);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        var logs = await Query(database, "SELECT log, commands FROM logs ORDER BY log");
        Assert.That(logs.Select(l => string.Join(' ', l)), Is.EqualTo(new[] { "site-a/2026/modem.log 2", "site-b/modem-2.log 1" }));
    }

    /// <summary>logrotate's compressed rotations belong to their log: read with it, not a second time as logs of their own.</summary>
    [Test]
    public async Task A_directory_keeps_compressed_rotations_with_their_log()
    {
        Write("modem.log", "AT\r\n\r\nOK\r\n");
        Write("modem.log.1", "AT+CSQ\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
        var packed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Fastest))
            gzip.Write("AT+CGATT?\r\n\r\n+CGATT: 1\r\n\r\nOK\r\nAT\r\n\r\nOK\r\n"u8);
        await File.WriteAllBytesAsync(Path.Combine(Folder, "modem.log.2.gz"), packed.ToArray());
        var database = Path.Combine(Folder, "f.duckdb");

        var run = await ConformanceProcess.RunAsync(null, "fleet", Folder, "--db", database);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        var logs = await Query(database, "SELECT log, commands FROM logs ORDER BY log");
        Assert.That(logs.Select(l => string.Join(' ', l)), Is.EqualTo(new[] { "modem.log 4" }));
    }

    [Test]
    public async Task The_imei_and_firmware_are_read_from_bare_and_labelled_answers()
    {
        // Echo on, the IMEI bare, the firmware on ATI's Revision line.
        Write("echo.log", "AT+CGSN\r\r\n\r\n869012345678901\r\n\r\nOK\r\nATI\r\r\n\r\nQuectel\r\nBC26\r\nRevision: BC26NBR01A10\r\n\r\nOK\r\n");
        // Tera Term: labelled IMEI, quoted firmware.
        Write("stamped.log", "[2026-04-02 07:00:00.100] AT+CGSN=1\r\n[2026-04-02 07:00:00.130] +CGSN: 869012345678902\r\n" +
            "[2026-04-02 07:00:00.131] OK\r\n[2026-04-02 07:00:01.000] AT+CGMR\r\n[2026-04-02 07:00:01.020] +CGMR: \"M5310-A_V1.0.3\"\r\n" +
            "[2026-04-02 07:00:01.021] OK\r\n");
        // ATI alone, naming both, as SIMCom-style firmware does.
        Write("ati.log", "ATI\r\n\r\nChina Mobile\r\nM5310-A\r\nRevision: M5310A_V1.2\r\nIMEI: 861234567890125\r\n\r\nOK\r\n");
        // No identity asked: both stay empty.
        Write("anonymous.log", "AT+MQTTSTAT?\r\n\r\n+MQTTSTAT: 1\r\n\r\nOK\r\n");
        var database = Path.Combine(Folder, "f.duckdb");

        var run = await ConformanceProcess.RunAsync(null, "fleet", Folder, "--db", database);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        var logs = await Query(database, "SELECT log, device, firmware, day FROM logs ORDER BY log");
        Assert.That(logs.Select(l => string.Join(' ', l)), Is.EqualTo(new[]
        {
            "anonymous.log   undated",
            "ati.log 861234567890125 M5310A_V1.2 undated",
            "echo.log 869012345678901 BC26NBR01A10 undated",
            "stamped.log 869012345678902 M5310-A_V1.0.3 2026-04-02",
        }));
    }

    [Test]
    public async Task First_and_last_time_are_of_every_timed_line_final_results_and_answers_too()
    {
        Write("logs/good.log", "[2024-01-02 10:11:12.000] AT+CSQ\r\n[2024-01-02 10:11:12.050] +CSQ: 20,99\r\n[2024-01-02 10:11:12.051] OK\r\n" +
            "[2024-01-02 10:11:17.000] AT\r\n[2024-01-02 10:11:17.051] OK\r\n");
        // The answer crosses into a new year.
        Write("logs/new-year.log", "[2024-12-31 23:59:59.900] AT+CSQ\r\n[2025-01-01 00:00:00.005] +CSQ: 20,99\r\n[2025-01-01 00:00:00.010] OK\r\n");
        // The gateway's clock switched from +08:00 to UTC: its last line is the latest, though written earlier in the day.
        Write("logs/zoned.log", "2026-11-30T14:00:00.100+08:00 AT+CSQ\r\n2026-11-30T14:00:00.150+08:00 OK\r\n2026-11-30T06:00:01.000Z AT\r\n2026-11-30T06:00:01.020Z OK\r\n");
        var database = Path.Combine(Folder, "f.duckdb");

        var run = await ConformanceProcess.RunAsync(null, "fleet", Path.Combine(Folder, "logs"), "--db", database);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        var logs = await Query(database, "SELECT log, first_time, last_time, day FROM logs ORDER BY log");
        Assert.That(logs.Select(l => string.Join(" | ", l)), Is.EqualTo(new[]
        {
            "good.log | 2024-01-02 10:11:12.000 | 2024-01-02 10:11:17.051 | 2024-01-02",
            "new-year.log | 2024-12-31 23:59:59.900 | 2025-01-01 00:00:00.010 | 2024-12-31",
            "zoned.log | 2026-11-30 14:00:00.100 | 2026-11-30 06:00:01.020 | 2026-11-30",
        }));
    }

    [Test]
    public async Task A_forced_format_reads_every_log_as_that_format()
    {
        // Binary-looking power-up noise before the traffic: refused when detected, read when forced raw.
        Write("noisy.log", "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\r\n\0\u0001\u0002\u0003\r\n\0\0\0\0\0\r\nAT\r\n\r\nOK\r\n");
        var detected = Path.Combine(Folder, "detected.duckdb");
        var forced = Path.Combine(Folder, "forced.duckdb");

        var refused = await ConformanceProcess.RunAsync(null, "fleet", Path.Combine(Folder, "noisy.log"), "--db", detected);
        var read = await ConformanceProcess.RunAsync(null, "fleet", Path.Combine(Folder, "noisy.log"), "--db", forced, "--format", "raw");

        Assert.That(refused.ExitCode, Is.EqualTo(1), "an unreadable log is an error row: the job found failures");
        Assert.That(refused.StandardError, Does.Contain("binary"));
        Assert.That(read.ExitCode, Is.Zero, read.StandardError);
        Assert.That((await Query(forced, "SELECT format, commands FROM logs"))[0], Is.EqualTo(new[] { "raw", "1" }));
    }

    [Test]
    public async Task Links_below_a_folder_read_each_log_once_and_a_link_back_up_ends()
    {
        Write("site/modem.log", "AT\r\n\r\nOK\r\n");
        Write("other/dev.log", "AT+CSQ\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
        // A link back up (a loop), a link across to a folder also walked, a link to a log also found.
        Directory.CreateSymbolicLink(Path.Combine(Folder, "site", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(Folder, "mirror"), "other");
        File.CreateSymbolicLink(Path.Combine(Folder, "latest.log"), Path.Combine("site", "modem.log"));
        var database = Path.Combine(Folder, "f.duckdb");

        var run = await ConformanceProcess.RunAsync(null, "fleet", Folder, "--db", database);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        var logs = await Query(database, "SELECT log, commands FROM logs ORDER BY log");
        Assert.That(logs.Select(l => string.Join(' ', l)), Is.EqualTo(new[] { "other/dev.log 1", "site/modem.log 1" }));
    }

    [Test]
    public async Task A_log_named_by_a_link_has_the_size_of_the_file_it_links_to()
    {
        var log = Write("logs/2026-04-02/modem.log", string.Concat(Enumerable.Repeat("AT\r\n\r\nOK\r\n", 100)));
        var link = Path.Combine(Folder, "latest.log");
        File.CreateSymbolicLink(link, log);
        var database = Path.Combine(Folder, "f.duckdb");

        var run = await ConformanceProcess.RunAsync(null, "fleet", link, "--db", database);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That((await Query(database, "SELECT size_bytes, commands FROM logs"))[0], Is.EqualTo(new[] { new FileInfo(log).Length.ToString(), "100" }));
    }

    [Test]
    public async Task A_gzip_log_cut_short_is_an_error_row_and_one_of_two_members_is_read_whole()
    {
        var exchange = "AT+CSQ\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n";
        var whole = Gzip(string.Concat(Enumerable.Repeat(exchange, 2000)));
        // Copied while it was written: the first half of the file.
        File.WriteAllBytes(Path.Combine(Folder, "cut.log.gz"), whole[..(whole.Length / 2)]);
        // `cat a.gz b.gz`: two members, one log.
        File.WriteAllBytes(Path.Combine(Folder, "joined.log.gz"), [.. Gzip(exchange), .. Gzip(exchange + exchange)]);
        var database = Path.Combine(Folder, "f.duckdb");

        var run = await ConformanceProcess.RunAsync(null, "fleet", Folder, "--db", database);

        Assert.That(run.ExitCode, Is.EqualTo(1), "a log cut short is a log that could not be read");
        Assert.That(run.StandardError, Does.Contain("cut.log.gz").And.Contain("cut short"));
        var logs = await Query(database, "SELECT log, commands, error IS NULL FROM logs ORDER BY log");
        Assert.That(logs.Select(l => string.Join(' ', l)), Is.EqualTo(new[] { "cut.log.gz  false", "joined.log.gz 3 true" }));
        Assert.That((await Query(database, "SELECT count(*) FROM exchanges WHERE log = 'cut.log.gz'"))[0], Is.EqualTo(new[] { "0" }));
    }

    private static byte[] Gzip(string text)
    {
        var packed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Fastest)) gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
        return packed.ToArray();
    }
}
