using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Conformance.Cli.Tests;

/// <summary>
/// A log or a module that sends escape sequences and other control bytes cannot rewrite the user's terminal, page
/// or spreadsheet: every output of every verb shows them escaped (<c>\x1b</c>), and JSON stays valid JSON.
/// </summary>
public sealed partial class ControlCharacterTests
{
    // ESC [2J clears the screen, BEL rings, NUL, and the C1 CSI both as a raw byte and as UTF-8 (U+009B).
    private static readonly byte[] Hostile = [0x1B, (byte)'[', (byte)'2', (byte)'J', 0x07, 0x00, 0x9B, 0xC2, 0x9B];

    // Any control character but the line ends and tabs an output is made of.
    [GeneratedRegex("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\u0080-\\u009F]")]
    private static partial Regex Raw();

    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => Directory.CreateDirectory(_directory = Path.Combine(Path.GetTempPath(), $"control-{Guid.NewGuid():N}"));

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    private async Task<string> WriteLog(string name, bool hostile)
    {
        var log = new MemoryStream();
        void Text(string text) => log.Write(Encoding.UTF8.GetBytes(text));
        Text("AT+CSQ\r\n\r\n+CSQ: 24,99");
        if (hostile) log.Write(Hostile);
        Text("\r\n\r\nOK\r\nAT+MQTTSTAT?\r\n\r\n+MQTTSTAT: 5\r\n\r\nOK\r\n");
        if (hostile)
        {
            Text("+EVIL");
            log.Write(Hostile);
            Text(": 1\r\n");
        }
        var path = Path.Combine(_directory, name);
        await File.WriteAllBytesAsync(path, log.ToArray());
        return path;
    }

    private static void AssertEscaped(string output, string where)
    {
        Assert.That(Raw().IsMatch(output), Is.False, $"{where}: a raw control character at {Raw().Match(output).Index}");
        Assert.That(output, Does.Contain(@"\x1b[2J\x07\x00"), $"{where}: the control bytes are shown escaped");
    }

    [Test]
    public async Task Analyze_console_html_and_csv_show_control_bytes_escaped_and_json_stays_valid()
    {
        var log = await WriteLog("hostile.log", hostile: true);
        var html = Path.Combine(_directory, "report.html");
        var csv = Path.Combine(_directory, "csv");
        var json = Path.Combine(_directory, "analysis.json");

        var run = await ConformanceProcess.RunAsync(null, "analyze", log, "--html", html, "--csv", csv, "--json", json);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        AssertEscaped(run.StandardOutput, "analyze console");
        AssertEscaped(await File.ReadAllTextAsync(html), "analyze --html");
        AssertEscaped(string.Concat(Directory.GetFiles(csv).Select(File.ReadAllText)), "analyze --csv");
        var text = await File.ReadAllTextAsync(json);
        Assert.That(Raw().IsMatch(text), Is.False, "analyze --json");
        using var document = JsonDocument.Parse(text);
        Assert.That(document.RootElement.GetProperty("exchanges")[0].GetProperty("information")[0].GetString(), Does.Contain("\u001b[2J"),
            "JSON keeps the text as received, with JSON's own escapes");
    }

    [Test]
    public async Task Compare_shows_control_bytes_escaped()
    {
        var run = await ConformanceProcess.RunAsync(null, "compare", await WriteLog("a.log", hostile: true), await WriteLog("b.log", hostile: false));

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.StandardOutput, Does.Contain("URCs only in A"));
        AssertEscaped(run.StandardOutput, "compare");
    }

    [Test]
    public async Task Frames_writes_valid_json_lines_without_raw_control_bytes()
    {
        var run = await ConformanceProcess.RunAsync(null, "frames", await WriteLog("hostile.raw", hostile: true));

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(Raw().IsMatch(run.StandardOutput), Is.False);
        var texts = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()).ToList();
        Assert.That(texts, Has.Some.Contains("\u001b[2J"));
    }

    [Test]
    public async Task Run_console_and_junit_show_what_a_module_sends_escaped()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        // A module that answers every command with a line of control bytes before its OK.
        var module = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var buffer = new byte[1024];
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                for (var i = 0; i < read; i++)
                    if (buffer[i] == '\r') await stream.WriteAsync((byte[])[.. "\r\n+CSQ: "u8, .. Hostile, .. "\r\n\r\nOK\r\n"u8]);
            }
        });

        var run = await ConformanceProcess.RunAsync(null, "run", "--target", $"tcp:127.0.0.1:{port}", "--suite", "PowerOn", "--out", _directory);
        listener.Stop();
        await module.WaitAsync(TimeSpan.FromSeconds(20)).ContinueWith(_ => { });

        Assert.That(run.ExitCode, Is.EqualTo(1), run.StandardError);
        AssertEscaped(run.StandardOutput, "run console");
        var junit = await File.ReadAllTextAsync(Path.Combine(_directory, "junit.xml"));
        AssertEscaped(junit, "junit.xml");
    }

    [Test]
    public async Task The_emulators_log_shows_control_bytes_escaped()
    {
        using var emulator = await EmulatorProcess.StartAsync();
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, emulator.Port);
            using var reader = new StreamReader(client.GetStream());
            await EmulatorProcess.ExchangeAsync(client.GetStream(), reader, [.. "AT+X"u8, .. Hostile]);
        }

        AssertEscaped(await emulator.StopAsync(), "emulate's log");
    }

    /// <summary>A file name is the user's data too: one holding an escape sequence or a line end is named escaped in an error.</summary>
    [Test]
    public async Task An_error_naming_a_file_shows_its_control_characters_escaped()
    {
        var path = Path.Combine(_directory, "esc\u001b[31mred\nsecond.log");
        await File.WriteAllTextAsync(path, "nothing a module wrote\n");

        var run = await ConformanceProcess.RunAsync(null, "analyze", path);

        Assert.That(run.ExitCode, Is.Not.Zero);
        Assert.That(run.StandardError, Does.Contain(@"esc\x1b[31mred\nsecond.log"));
        Assert.That(Raw().IsMatch(run.StandardError), Is.False, "no raw control character");
        Assert.That(run.StandardError.TrimEnd().Split('\n'), Has.Length.LessThanOrEqualTo(2), "the name does not split the message");
    }
}
