using System.IO.Compression;
using System.Text;

namespace Conformance.Cli.Tests;

/// <summary>
/// A rotated log with one damaged part (a file of zeros after a power cut, a record garbled in a tap's trace, a
/// compressed rotation cut short): <c>analyze</c> reads every other part, names the damage by file and line, exits 1.
/// </summary>
public sealed class DamagedRotationTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("rotation-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    // A tap's trace of one exchange, as TraceRotation writes each file: its own header, then the records.
    private static string Trace(int second, string command, string answer) =>
        "# conformance-trace 1\n# target: tap host=serial:/dev/ttyUSB0 module=serial:/dev/ttyUSB1\n" +
        $"# started: 2026-03-01T08:00:{second:00}.000000Z\n" +
        $"2026-03-01T08:00:{second:00}.100000Z > {command}\\r\\n\n" +
        $"2026-03-01T08:00:{second:00}.140000Z < \\r\\n{answer}\\r\\n\n" +
        $"2026-03-01T08:00:{second:00}.141000Z < \\r\\nOK\\r\\n\n";

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public async Task A_rotation_of_zeros_is_left_out_by_name_and_the_others_are_analysed()
    {
        WriteFile("tap.trace.2", Trace(1, "AT+CGSN=1", "+CGSN: 868488076506128"));
        await File.WriteAllBytesAsync(Path.Combine(_directory, "tap.trace.1"), new byte[8192]);
        var current = WriteFile("tap.trace", Trace(3, "AT+CSQ", "+CSQ: 20,99"));

        await AnalysedAroundAsync(current, $"{Path.Combine(_directory, "tap.trace.1")}: looks like binary data", "the file is left out",
            "→ AT+CGSN=1 +CGSN: 868488076506128  OK", "→ AT+CSQ +CSQ: 20,99  OK");
    }

    [Test]
    public async Task A_garbled_record_in_a_rotated_trace_is_named_by_file_and_line_and_the_records_after_it_are_read()
    {
        var damaged = Trace(1, "AT+CGATT?", "+CGATT: 1").Replace("2026-03-01T08:00:01.140000Z", "2026-03\0\0\0\0");
        damaged += "2026-03-01T08:00:01.500000Z > AT+CEREG?\\r\\n\n2026-03-01T08:00:01.540000Z < \\r\\n+CEREG: 0,1\\r\\n\\r\\nOK\\r\\n\n";
        WriteFile("tap.trace.1", damaged);
        var current = WriteFile("tap.trace", Trace(3, "AT+CSQ", "+CSQ: 20,99"));

        await AnalysedAroundAsync(current, $"{Path.Combine(_directory, "tap.trace.1")}:5: not a trace record", "the line is left out",
            "→ AT+CEREG? +CEREG: 0,1  OK", "→ AT+CSQ +CSQ: 20,99  OK");
    }

    [Test]
    public async Task A_compressed_rotation_cut_short_is_read_up_to_the_cut_and_the_cut_is_named()
    {
        // Large enough that the cut lies past what is sampled to tell the format.
        var old = new StringBuilder();
        for (var i = 0; i < 6_000; i++) old.Append($"AT+CEREG?\r\n\r\n+CEREG: 0,{i % 5}\r\n\r\nOK\r\n");
        using (var packed = new MemoryStream())
        {
            using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(Encoding.ASCII.GetBytes(old.ToString()));
            await File.WriteAllBytesAsync(Path.Combine(_directory, "modem.log.1.gz"), packed.ToArray()[..(int)(packed.Length * 3 / 4)]);
        }
        var current = WriteFile("modem.log", "AT+CSQ\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n");

        var run = await ConformanceProcess.RunAsync(null, "analyze", current);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.StandardError);
        Assert.That(run.StandardError, Does.Match($@"conformance: {System.Text.RegularExpressions.Regex.Escape(Path.Combine(_directory, "modem.log.1.gz"))}:\d+: is not a valid gzip file: the file is cut short")
            .And.Contain("; the file is not read from there on, the rest of the log is analysed"));
        Assert.That(run.StandardOutput, Does.Contain("→ AT+CEREG? +CEREG: 0,1  OK").And.Contain("→ AT+CSQ +CSQ: 20,99  OK"));
    }

    // Runs analyze on current and checks that the damage is named, what was done about it, and that the rest is analysed.
    private static async Task AnalysedAroundAsync(string current, string damage, string outcome, params string[] timeline)
    {
        var run = await ConformanceProcess.RunAsync(null, "analyze", current);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.StandardError);
        Assert.That(run.StandardError, Does.Contain($"conformance: {damage}").And.Contain($"; {outcome}, the rest of the log is analysed"));
        foreach (var line in timeline) Assert.That(run.StandardOutput, Does.Contain(line));
    }

    [Test]
    public async Task A_single_damaged_log_is_still_a_usage_error_with_nothing_else_to_read()
    {
        await File.WriteAllBytesAsync(Path.Combine(_directory, "tap.trace"), new byte[8192]);

        var run = await ConformanceProcess.RunAsync(null, "analyze", Path.Combine(_directory, "tap.trace"));

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("looks like binary data").And.Not.Contain("the rest of the log"));
    }
}
