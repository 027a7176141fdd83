using System.Text;
using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

public class BadInputTests
{
    [Test]
    public void An_empty_file_has_no_records()
    {
        var (source, records) = TempLog.Read([]);

        Assert.That(records, Is.Empty);
        Assert.That(source.Detection, Has.Property("Format").EqualTo(LogFormat.Raw).And.Property("Confidence").EqualTo(0));
    }

    [TestCase("[2024-05-06 10:00:00.000] AT+CSQ\r\n[2024-05-06 10:00:00.100] +CSQ: 20,99\r\n[2024-05-06 10:00:00.200] OK\r\n[2024-05-06 10:00:00.300] ", "\r\n[2024-05-06 10:00:01.000] AT+CGATT?\r\n[2024-05-06 10:00:01.100] +CGATT: 1\r\n[2024-05-06 10:00:01.200] OK\r\n")]
    [TestCase("AT+CSQ\r\n+CSQ: 20,99\r\nOK\r\n", "\r\nAT+CGATT?\r\n+CGATT: 1\r\nOK\r\n")]
    public void A_line_of_tens_of_megabytes_is_reported_and_read_past_in_bounded_memory(string before, string after)
    {
        // A firmware image dumped onto the port: one line of 24 MiB between two exchanges.
        var log = Encoding.ASCII.GetBytes(before + new string('F', 24 << 20) + after);
        using var temp = new TempLog();
        var source = LogSource.Open(temp.Write("log.txt", log));
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var analysis = Conformance.Analyzer.Timeline.TimelineBuilder.Analyze(source);

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - allocated, Is.LessThan(12 << 20), "the line is not held whole");
        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final)), Is.EqualTo(new[] { ("AT+CSQ", "OK"), ("AT+CGATT?", "OK") }));
        Assert.That(analysis.Diagnostics, Has.Count.EqualTo(1));
        Assert.That(analysis.Diagnostics[0].Code, Is.EqualTo("line-too-long"));
        Assert.That(analysis.Diagnostics[0].Message, Does.Match("^a line of 10[0-9]{5} bytes or more starting 'F{64}' is longer than the frame limit; skipped$"));
    }

    [Test]
    public void Binary_noise_is_refused_unless_read_as_raw_on_purpose_which_loses_no_byte()
    {
        var noise = new byte[100_000];
        new Random(5310).NextBytes(noise);

        var error = Assert.Throws<LogReadException>(() => TempLog.Read(noise));
        Assert.That(error!.Message, Does.Contain("log.txt").And.Contain("binary").And.Contain("--format raw"));

        var (source, records) = TempLog.Read(noise, LogFormat.Raw);
        Assert.That(source.Detection.Confidence, Is.LessThan(0.3));
        Assert.That(records.SelectMany(r => r.Data), Is.EqualTo(noise));
    }

    [Test]
    public void Power_up_noise_before_traffic_is_kept_as_module_output()
    {
        var (source, records) = TempLog.Read([0, 0xFF, 0, (byte)'\r', (byte)'\n', .. "AT\r\n\r\nOK\r\n"u8]);

        Assert.That(source.Format, Is.EqualTo(LogFormat.Raw));
        Assert.That(records[0], Has.Property("Direction").EqualTo(LogDirection.FromModule).And.Property("Data").EqualTo(new byte[] { 0, 0xFF, 0, 13, 10 }));
        Assert.That(records[1], Has.Property("Direction").EqualTo(LogDirection.ToModule).And.Property("Text").EqualTo("AT\r\n"));
    }

    [Test]
    public void A_directory_is_refused_with_its_name()
    {
        using var log = new TempLog();

        var error = Assert.Throws<LogReadException>(() => LogSource.Open([log.Directory]));
        Assert.That(error.Message, Does.Contain(log.Directory).And.Contain("directory"));
    }

    [Test]
    public void A_missing_file_is_refused_with_its_name()
    {
        using var log = new TempLog();
        var path = Path.Combine(log.Directory, "nope.log");

        var error = Assert.Throws<LogReadException>(() => LogSource.Open(path));
        Assert.That(error, Has.Property("File").EqualTo(path).And.Message.Contains("no such file"));
    }

    [Test]
    public void A_link_to_a_file_that_is_gone_says_so()
    {
        using var log = new TempLog();
        var path = Path.Combine(log.Directory, "modem.log");
        File.CreateSymbolicLink(path, "/var/log/rotated-away.log");

        var error = Assert.Throws<LogReadException>(() => LogSource.Open(path));
        Assert.That(error.Message, Is.EqualTo($"{path}: is a link to /var/log/rotated-away.log, which does not exist"));
    }

    [Test]
    public void A_malformed_trace_record_names_file_line_and_column()
    {
        using var log = new TempLog();
        var path = log.Write("run.trace", "# conformance-trace 1\n2024-01-02T10:00:00.000000Z > AT\\r\\n\n2024-01-02T10:00:00.030000Z ? OK\n");
        var source = LogSource.Open(path);

        var error = Assert.Throws<LogReadException>(() => source.Read().ToList());
        Assert.That(error, Has.Property("Line").EqualTo(3));
        Assert.That(error!.Message, Does.StartWith($"{path}:3:").And.Contain("column 29"));
    }

    [Test]
    public void A_long_hex_payload_line_is_read_whole()
    {
        var payload = string.Concat(Enumerable.Repeat("7b2274656d70223a32337d", 2000));
        var (source, records) = TempLog.Read($"[2024-01-02 10:00:00.000] AT+MQTTPUB=$dp,0,0,0,{payload.Length / 2},{payload}\n[2024-01-02 10:00:00.100] OK\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.Timestamped));
        Assert.That(records[0].Text, Does.EndWith(payload + "\r\n"));
        Assert.That(records[1].Direction, Is.EqualTo(LogDirection.FromModule));
    }

    [Test]
    public void Lone_cr_line_ends_and_a_truncated_last_line_still_give_every_record()
    {
        var (source, records) = TempLog.Read("[10:00:00.000] AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r[10:00:00.030] OK\r[10:00:02.000] +MQTTOP");

        Assert.That(source.Format, Is.EqualTo(LogFormat.Tio));
        Assert.That(records.Select(r => (r.Line, r.Direction, r.Text)), Is.EqualTo(new[]
        {
            (1L, LogDirection.ToModule, "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n"), (2L, LogDirection.FromModule, "OK\r\n"), (3L, LogDirection.FromModule, "+MQTTOP\r\n"),
        }));
    }
}
