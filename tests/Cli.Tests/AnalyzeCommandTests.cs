using System.Text.Json;

namespace Conformance.Cli.Tests;

public class AnalyzeCommandTests
{
    private const string ApiKey = "IIOu0oFUgnTK1uzAcnM=";
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => Directory.CreateDirectory(_directory = Path.Combine(Path.GetTempPath(), $"analyze-{Guid.NewGuid():N}"));

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);


    [TestCase("analyze \"$1\" 2>/dev/full", 0)]
    [TestCase("analyze \"$1.missing\" 2>/dev/full", 2)]
    [TestCase("analyze \"$1\" 2>&-", 0)]
    [TestCase("analyze \"$1.missing\" 2>&-", 2)]
    public async Task Standard_error_on_a_full_disk_or_closed_leaves_the_exit_code_as_documented(string command, int exitCode)
    {
        var log = Path.Combine(_directory, "field.log");
        await File.WriteAllTextAsync(log, "AT+CSQ\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
        // The shell points standard error at /dev/full or closes it, as `conformance analyze LOG 2>/dev/full` does.
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec dotnet \"$0\" {command}");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "conformance.dll"));
        start.ArgumentList.Add(log);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.That(process.ExitCode, Is.EqualTo(exitCode), output);
        if (exitCode == 0) Assert.That(output, Does.Contain("AT+CSQ"), "the report is written");
    }

    [TestCase("TERM")]
    [TestCase("INT")]
    public async Task A_signal_mid_analysis_exits_1_saying_so_and_leaves_the_earlier_report(string signal)
    {
        var json = Path.Combine(_directory, "report.json");
        await File.WriteAllTextAsync(json, "earlier");
        // Some megabytes: the analysis is still reading when the signal comes, sent as soon as it has begun.
        var log = Path.Combine(_directory, "long.log");
        await File.WriteAllLinesAsync(log, Enumerable.Range(0, 40_000).SelectMany(i => new[]
            { $"[10:{i / 1000 % 60:00}:{i % 60:00}.100] >> AT+CSQ", $"[10:{i / 1000 % 60:00}:{i % 60:00}.200] << +CSQ: 20,99", $"[10:{i / 1000 % 60:00}:{i % 60:00}.210] << OK" }));
        using var process = ConformanceProcess.Start("analyze", log, "--json", json);
        var reading = await process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.That(reading, Does.StartWith("conformance: reading "));

        using (var kill = System.Diagnostics.Process.Start("kill", [$"-{signal}", process.Id.ToString()])) await kill.WaitForExitAsync();
        var error = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.That(process.ExitCode, Is.EqualTo(1), error);
        Assert.That(error, Does.StartWith($"conformance: interrupted (SIG{signal}) while analysing: no report written"));
        Assert.That(await File.ReadAllTextAsync(json), Is.EqualTo("earlier"));
    }
    [Test]
    public async Task The_customer_log_reads_as_a_timeline_with_the_files_line_numbers()
    {
        var run = await ConformanceProcess.RunAsync(null, "analyze", SscomLog.CustomerLog);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.StandardError, Does.Contain("as sscom (detected"));
        Assert.That(run.StandardOutput, Does.Match(@"\b30\s+→ AT\+MQTTOPEN=1,1,0,0,0,"""",""""\s+OK 23 ms"));
        Assert.That(run.StandardOutput, Does.Match(@"\b35\s+← \+MQTTOPEN: OK \(answers line 30\)"), "a URC split over two SSCOM packets");
        Assert.That(run.StandardOutput, Does.Contain("operation not allowed"));
        Assert.That(run.StandardOutput, Does.Contain("\"***\"").And.Not.Contain(ApiKey));
    }

    [Test]
    public async Task A_console_scrape_says_its_padding_is_left_out_and_a_capture_at_another_baud_rate_says_so()
    {
        // cmd.exe's Mark / Copy: every row 80 columns wide.
        var scrape = Path.Combine(_directory, "scrape.txt");
        await File.WriteAllTextAsync(scrape, string.Concat(new[] { "AT+CSQ", "", "+CSQ: 20,99", "", "OK", "AT+MQTTSTAT?", "", "+MQTTSTAT: 1", "", "OK" }
            .Select(line => line.PadRight(80) + "\r\n")));
        var garbled = Path.Combine(_directory, "garbled.log");
        await File.WriteAllBytesAsync(garbled, [.. "AT+CSQ\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\nAT+MQTTSTAT?\r\n"u8,
            0xE6, 0x80, 0x98, 0x80, 0xFE, 0x98, 0x9E, 0x98, 0x06, 0x66, 0x66, 0x60, .. "\r\n"u8]);

        var padded = await ConformanceProcess.RunAsync(null, "analyze", scrape);
        var noisy = await ConformanceProcess.RunAsync(null, "analyze", garbled, "--format", "raw");

        Assert.That(padded.ExitCode, Is.Zero, padded.StandardError);
        Assert.That(padded.StandardError, Does.Contain("lines padded to 80 columns read without the padding"));
        Assert.That(padded.StandardOutput, Does.Not.Contain("trailing-space").And.Not.Contain("space-around-argument"));
        Assert.That(noisy.ExitCode, Is.Zero, noisy.StandardError);
        Assert.That(noisy.StandardOutput, Does.Contain("garbled-output").And.Contain("the module's output is not text at line 7 (0xE6 0x80 0x98 0x80 …)"));
    }

    [Test]
    public async Task Every_output_is_written_and_none_holds_the_api_key()
    {
        var html = Path.Combine(_directory, "report.html");
        var csv = Path.Combine(_directory, "csv");
        var json = Path.Combine(_directory, "analysis.json");

        var run = await ConformanceProcess.RunAsync(null, "analyze", SscomLog.CustomerLog, "--html", html, "--csv", csv, "--json", json);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        var page = await File.ReadAllTextAsync(html);
        Assert.That(page, Does.Contain("<svg").And.Contain("&lt;img src=x onerror=alert(1)&gt;").And.Not.Contain("<img"));
        Assert.That(Directory.GetFiles(csv).Select(Path.GetFileName), Is.EquivalentTo(new[] { "exchanges.csv", "urcs.csv", "diagnostics.csv" }));
        using var analysis = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        Assert.That(analysis.RootElement.GetProperty("summary").GetProperty("commands").GetInt64(), Is.EqualTo(16));
        foreach (var file in Directory.GetFiles(_directory, "*", SearchOption.AllDirectories))
            Assert.That(await File.ReadAllTextAsync(file), Does.Not.Contain(ApiKey), file);
    }

    [Test]
    public async Task Json_to_standard_output_replaces_the_console_report()
    {
        var run = await ConformanceProcess.RunAsync(null, "analyze", SscomLog.CustomerLog, "--json", "-");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        using var analysis = JsonDocument.Parse(run.StandardOutput);
        Assert.That(analysis.RootElement.GetProperty("exchanges")[0].GetProperty("line").GetInt64(), Is.EqualTo(6));
    }

    [Test]
    public async Task Show_secrets_shows_the_api_key()
    {
        var run = await ConformanceProcess.RunAsync(null, "analyze", SscomLog.CustomerLog, "--show-secrets");

        Assert.That(run.StandardOutput, Does.Contain(ApiKey));
    }

    [TestCase("error", 1)]
    [TestCase("warn", 1)]
    [TestCase("never", 0)]
    public async Task Fail_on_sets_the_exit_code_for_the_customer_log(string failOn, int exitCode)
    {
        var run = await ConformanceProcess.RunAsync(null, "analyze", SscomLog.CustomerLog, "--fail-on", failOn);

        Assert.That(run.ExitCode, Is.EqualTo(exitCode), run.StandardError);
    }

    [Test]
    public async Task A_clean_log_passes_fail_on_warn()
    {
        var log = SscomLog.Publishing(40).WriteTo(Path.Combine(_directory, "clean.log"));

        var run = await ConformanceProcess.RunAsync(null, "analyze", log, "--fail-on", "warn");

        Assert.That(run.ExitCode, Is.Zero, run.StandardOutput);
    }

    [Test]
    public async Task Fail_on_sees_an_error_beyond_the_diagnostics_listed()
    {
        // 12 000 stray OKs (notes) fill the stored diagnostics before the one error comes.
        var log = Path.Combine(_directory, "long.raw");
        await File.WriteAllTextAsync(log, string.Concat(Enumerable.Repeat("\r\nOK\r\n", 12_000)) + "\r\n+MQTTOPEN: FAIL\r\n");

        var run = await ConformanceProcess.RunAsync(null, "analyze", log, "--fail-on", "error", "--json", "-");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.StandardError);
        Assert.That(run.StandardOutput, Does.Contain("\"code\": \"open-failed\"").And.Contain("\"count\": 12000"));
    }

    [Test]
    public async Task A_log_of_module_output_only_takes_the_echoes_as_commands()
    {
        var log = Path.Combine(_directory, "rx-only.log");
        await File.WriteAllTextAsync(log,
            "12/7/2026 14:08:35.000 [RX] - AT+CSQ<CR><CR><LF>\r\n" +
            "12/7/2026 14:08:35.030 [RX] - <CR><LF>+CSQ: 24,99<CR><LF><CR><LF>OK<CR><LF>\r\n" +
            "12/7/2026 14:08:36.000 [RX] - AT+MQTTSTAT?<CR><CR><LF>\r\n" +
            "12/7/2026 14:08:36.020 [RX] - <CR><LF>+MQTTSTAT: 5<CR><LF><CR><LF>OK<CR><LF>\r\n");

        var run = await ConformanceProcess.RunAsync(null, "analyze", log, "--json", "-");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        using var json = JsonDocument.Parse(run.StandardOutput);
        var exchanges = json.RootElement.GetProperty("exchanges").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt64(), e.GetProperty("command").GetString(), e.GetProperty("latencyMs").GetDouble())).ToList();
        Assert.That(exchanges, Is.EqualTo(new[] { (1L, "AT+CSQ", 30.0), (3L, "AT+MQTTSTAT?", 20.0) }));
        Assert.That(json.RootElement.GetProperty("urcs").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task A_missing_file_is_an_input_error()
    {
        var run = await ConformanceProcess.RunAsync(null, "analyze", Path.Combine(_directory, "nope.log"));

        Assert.That((run.ExitCode, run.StandardError), Is.EqualTo((2, $"conformance: {Path.Combine(_directory, "nope.log")}: no such file\n")));
    }

    [TestCase(new[] { "analyze", "LOG", "--jsno", "out.json" }, "unknown option '--jsno' (did you mean --json?)")]
    [TestCase(new[] { "analyze", "--since", "yesterday", "LOG" }, "unknown option '--since' (see 'conformance analyze --help')")]
    [TestCase(new[] { "fleet", "LOG", "--db", "DB", "--job", "2" }, "unknown option '--job' (did you mean --jobs?)")]
    [TestCase(new[] { "compare", "LOG", "--josn" }, "unknown option '--josn' (did you mean --json?)")]
    public async Task A_mistyped_option_is_a_usage_error_not_a_log_left_out(string[] args, string said)
    {
        var log = Path.Combine(_directory, "field.log");
        await File.WriteAllTextAsync(log, "AT+CSQ\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n");

        var run = await ConformanceProcess.RunAsync(null, [.. args.Select(a => a == "LOG" ? log : a == "DB" ? Path.Combine(_directory, "f.duckdb") : a)]);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.StandardError);
        Assert.That(run.StandardError, Does.Contain(said));
        Assert.That(run.StandardOutput, Is.Empty, "nothing was analysed");
    }

    [Test]
    public async Task A_log_whose_name_starts_with_a_dash_is_still_read()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "-modem.log"), "AT+CSQ\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n");

        var run = await ConformanceProcess.RunShellAsync("cd \"$1\" && conformance analyze -modem.log --json -", _directory);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.StandardError);
        Assert.That(run.StandardOutput, Does.Contain("\"commands\": 1"));
    }

    [Test]
    public async Task A_directory_is_an_input_error()
    {
        var run = await ConformanceProcess.RunAsync(null, "analyze", _directory);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("is a directory"));
    }

    [Test]
    public async Task An_empty_file_is_an_input_error()
    {
        var empty = Path.Combine(_directory, "empty.log");
        await File.WriteAllBytesAsync(empty, []);

        var run = await ConformanceProcess.RunAsync(null, "analyze", empty);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("the log is empty"));
    }

    [Test]
    public async Task A_binary_file_is_an_input_error_not_a_crash()
    {
        var binary = Path.Combine(_directory, "firmware.bin");
        await File.WriteAllBytesAsync(binary, [.. Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 7919 % 251))]);

        var run = await ConformanceProcess.RunAsync(null, "analyze", binary);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.StandardOutput);
        Assert.That(run.StandardError, Does.Contain($"{binary}: looks like binary data"));
    }

    [Test]
    public async Task Random_bytes_are_refused_not_counted_as_urcs()
    {
        var noise = new byte[4 << 20];
        new Random(15).NextBytes(noise);
        var binary = Path.Combine(_directory, "noise.bin");
        await File.WriteAllBytesAsync(binary, noise);

        var run = await ConformanceProcess.RunAsync(null, "analyze", binary);

        Assert.That((run.ExitCode, run.StandardOutput), Is.EqualTo((2, "")));
        Assert.That(run.StandardError, Does.Contain("looks like binary data").And.Contain("--format raw"));
    }

    [Test]
    public async Task Notes_written_with_arrows_are_analysed_not_refused()
    {
        var notes = Path.Combine(_directory, "notes.txt");
        await File.WriteAllTextAsync(notes, $"=> AT+MQTTCFG=\"183.230.40.39\",6002,\"5310001\",120,\"123456\",\"{ApiKey}\",1\n<= OK\n" +
            "=> AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\n<= OK\n<= +MQTTOPEN:OK\n");

        var run = await ConformanceProcess.RunAsync(null, "analyze", notes, "--fail-on", "warn");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.StandardError, Does.Contain("as transcript (detected"));
        Assert.That(run.StandardOutput, Does.Contain("2 commands: 2 ok").And.Contain("1 URC;").And.Not.Contain(ApiKey));
    }

    [TestCase("-")]
    [TestCase("/dev/stdin")]
    public async Task Standard_input_is_read_as_a_log(string name)
    {
        var run = await ConformanceProcess.RunAsync("=> AT+CSQ\n<= +CSQ: 20,99 OK\n"u8.ToArray(), "analyze", name, "--json", "-");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.StandardError, Does.Contain("as transcript"));
        using var json = JsonDocument.Parse(run.StandardOutput);
        Assert.That(json.RootElement.GetProperty("exchanges")[0].GetProperty("final").GetString(), Is.EqualTo("OK"));
    }

    [Test]
    public async Task Several_logs_are_read_as_one_in_the_order_given()
    {
        var first = Path.Combine(_directory, "monday.log");
        var second = Path.Combine(_directory, "tuesday.log.gz");
        await File.WriteAllTextAsync(first, "AT+CSQ\r\n\r\n+CSQ: 20,99\r\n");
        await using (var gzip = new System.IO.Compression.GZipStream(File.Create(second), System.IO.Compression.CompressionLevel.Fastest))
            await gzip.WriteAsync("\r\nOK\r\nAT+CGATT?\r\n\r\n+CGATT: 1\r\n\r\nOK\r\n"u8.ToArray());

        var run = await ConformanceProcess.RunAsync(null, "analyze", first, second, "--json", "-");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.StandardError, Does.Contain("(gzip)"));
        using var json = JsonDocument.Parse(run.StandardOutput);
        Assert.That(json.RootElement.GetProperty("summary").GetProperty("commands").GetInt64(), Is.EqualTo(2));
        Assert.That(json.RootElement.GetProperty("summary").GetProperty("unanswered").GetInt64(), Is.Zero, "the answer continues in the second file");
    }

    [Test]
    public async Task The_html_page_of_several_logs_names_every_one_in_order()
    {
        var first = Path.Combine(_directory, "monday.log");
        var second = Path.Combine(_directory, "tuesday.log");
        var page = Path.Combine(_directory, "report.html");
        await File.WriteAllTextAsync(first, "AT+CSQ\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
        await File.WriteAllTextAsync(second, "AT+CGATT?\r\n\r\n+CGATT: 1\r\n\r\nOK\r\n");

        var run = await ConformanceProcess.RunAsync(null, "analyze", first, second, "--html", page);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(await File.ReadAllTextAsync(page), Does.Contain("<title>Analysis of monday.log + tuesday.log</title>"));
    }

    [Test]
    public async Task A_powershell_utf16_log_is_read_and_its_key_masked()
    {
        var log = Path.Combine(_directory, "powershell.log");
        var text = $"AT+MQTTCFG=\"183.230.40.39\",6002,\"5310001\",120,\"123456\",\"{ApiKey}\",1\r\n\r\nOK\r\n";
        await File.WriteAllBytesAsync(log, [.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes(text)]);

        var run = await ConformanceProcess.RunAsync(null, "analyze", log);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.StandardError, Does.Contain("(UTF-16LE)"));
        Assert.That(run.StandardOutput, Does.Contain("1 command:").And.Not.Contain(ApiKey));
        Assert.That(run.StandardOutput.Contains('\0', StringComparison.Ordinal), Is.False, "no NUL of the UTF-16 bytes read as text");
    }

    [Test]
    public async Task An_unknown_format_is_a_usage_error_listing_the_known_ones()
    {
        var run = await ConformanceProcess.RunAsync(null, "analyze", SscomLog.CustomerLog, "--format", "minicom");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("unknown log format 'minicom'").And.Contain("sscom"));
    }

    [Test]
    public async Task A_forced_format_is_used()
    {
        var run = await ConformanceProcess.RunAsync(null, "analyze", SscomLog.CustomerLog, "--format", "raw", "--json", "-");

        Assert.That(run.StandardError, Does.Contain("as raw (forced)"));
    }

    [Test]
    public async Task Help_documents_the_exit_codes()
    {
        var run = await ConformanceProcess.RunAsync(null, "analyze", "--help");

        Assert.That(run.StandardOutput, Does.Contain("Exit codes: 0").And.Contain("--fail-on").And.Contain("--show-secrets"));
    }
}
