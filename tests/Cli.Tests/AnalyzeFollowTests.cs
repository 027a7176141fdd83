using System.Diagnostics;
using System.Text;

namespace Conformance.Cli.Tests;

/// <summary><c>conformance analyze --follow</c> on a log that grows while it is read: the same analysis as <c>analyze</c> afterwards.</summary>
public sealed class AnalyzeFollowTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private string _directory = null!;

    // Written by hand the way a terminal program with time stamps saves a session: CR LF, a blank line before each
    // answer, a URC in the middle of the session, an error, and a password that must never show.
    private const string FieldLog =
        "[2026-11-29 09:14:02.310] AT\r\n" +
        "[2026-11-29 09:14:02.331] \r\n" +
        "[2026-11-29 09:14:02.331] OK\r\n" +
        "[2026-11-29 09:14:02.902] AT+CGATT?\r\n" +
        "[2026-11-29 09:14:02.940] \r\n" +
        "[2026-11-29 09:14:02.940] +CGATT: 1\r\n" +
        "[2026-11-29 09:14:02.941] \r\n" +
        "[2026-11-29 09:14:02.941] OK\r\n" +
        "[2026-11-29 09:14:03.517] AT+MQTTCFG=\"183.230.40.39\",6002,\"611203\",120,\"330870\",\"Hx4Tq8Wm3Zp6Ls9D\",1\r\n" +
        "[2026-11-29 09:14:03.560] \r\n" +
        "[2026-11-29 09:14:03.560] OK\r\n" +
        "[2026-11-29 09:14:04.120] AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n" +
        "[2026-11-29 09:14:04.171] \r\n" +
        "[2026-11-29 09:14:04.171] OK\r\n" +
        "[2026-11-29 09:14:05.406] \r\n" +
        "[2026-11-29 09:14:05.406] +MQTTOPEN:OK\r\n" +
        "[2026-11-29 09:14:06.002] AT+MQTTSUB=\"cmd/611203\",1\r\n" +
        "[2026-11-29 09:14:06.049] \r\n" +
        "[2026-11-29 09:14:06.049] OK\r\n" +
        "[2026-11-29 09:14:06.512] \r\n" +
        "[2026-11-29 09:14:06.512] +MQTTSUBACK: 1,1,\"cmd/611203\"\r\n" +
        "[2026-11-29 09:14:08.230] AT+MQTTPUB=\"up/611203\",1,0,0,4,31323334\r\n" +
        "[2026-11-29 09:14:08.281] \r\n" +
        "[2026-11-29 09:14:08.281] OK\r\n" +
        "[2026-11-29 09:14:09.003] \r\n" +
        "[2026-11-29 09:14:09.003] +MQTTPUBACK: 2,1\r\n" +
        "[2026-11-29 09:14:10.554] AT+MQTTUNSUB=\"cmd/nothing\"\r\n" +
        "[2026-11-29 09:14:10.601] \r\n" +
        "[2026-11-29 09:14:10.601] +CME ERROR: 3\r\n" +
        "[2026-11-29 09:14:12.777] AT+MQTTDISC\r\n" +
        "[2026-11-29 09:14:12.820] \r\n" +
        "[2026-11-29 09:14:12.820] OK\r\n";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("follow-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task A_hand_written_log_appended_in_pieces_gives_the_same_report_as_analyze_afterwards()
    {
        var log = Path.Combine(_directory, "session.log");
        var bytes = Encoding.UTF8.GetBytes(FieldLog);
        var firstLines = FieldLog.IndexOf("[2026-11-29 09:14:06.002]", StringComparison.Ordinal);
        await File.WriteAllBytesAsync(log, bytes[..firstLines]);
        using var follow = ConformanceProcess.Start("analyze", "--follow", log, "--json", Path.Combine(_directory, "followed.json"));
        var stdout = follow.StandardOutput.ReadToEndAsync();
        var started = await follow.StandardError.ReadLineAsync().WaitAsync(Patience);
        Assert.That(started, Does.StartWith("conformance: following"));
        var stderr = follow.StandardError.ReadToEndAsync();

        // The rest in pieces of 37 bytes: lines split anywhere, also between CR and LF.
        await using (var writer = new FileStream(log, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
        {
            for (var at = firstLines; at < bytes.Length; at += 37)
            {
                await writer.WriteAsync(bytes.AsMemory(at, Math.Min(37, bytes.Length - at)));
                await writer.FlushAsync();
                await Task.Delay(10);
            }
        }
        await Terminate(follow);

        var offline = await ConformanceProcess.RunAsync(null, "analyze", log, "--json", Path.Combine(_directory, "offline.json"));
        var live = await stdout;
        Assert.That(follow.ExitCode, Is.EqualTo(0), await stderr);
        Assert.That(offline.ExitCode, Is.EqualTo(0), offline.StandardError);
        Assert.That(await File.ReadAllTextAsync(Path.Combine(_directory, "followed.json")),
            Is.EqualTo(await File.ReadAllTextAsync(Path.Combine(_directory, "offline.json"))));
        var timeline = live[..live.IndexOf("Timeline", StringComparison.Ordinal)];
        Assert.That(timeline, Does.Contain("→ AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"  OK").And.Contain("← +MQTTPUBACK: 2,1").And.Contain("+CME ERROR: 3"),
            "the live timeline, before the final report");
        Assert.That(live, Does.Not.Contain("Hx4Tq8Wm3Zp6Ls9D"));
    }

    [Test]
    public async Task A_truncated_log_is_read_again_from_its_start_and_idle_exit_ends_the_follow()
    {
        var log = Path.Combine(_directory, "rotating.log");
        await File.WriteAllTextAsync(log, FieldLog);
        using var follow = ConformanceProcess.Start("analyze", "--follow", log, "--idle-exit", "2");
        var stderr = follow.StandardError.ReadToEndAsync();
        // Once the follower has shown an exchange near the end, it has read past the length of the new content.
        var seen = new StringBuilder();
        string? line;
        do
        {
            line = await follow.StandardOutput.ReadLineAsync().WaitAsync(Patience);
            seen.AppendLine(line);
        }
        while (line is not null && !line.Contains("+CME ERROR: 3", StringComparison.Ordinal));
        await File.WriteAllTextAsync(log, "[2026-11-29 10:00:00.000] AT+CSQ\r\n[2026-11-29 10:00:00.040] \r\n[2026-11-29 10:00:00.040] +CSQ: 21,99\r\n[2026-11-29 10:00:00.041] \r\n[2026-11-29 10:00:00.041] OK\r\n");
        seen.Append(await follow.StandardOutput.ReadToEndAsync().WaitAsync(Patience));
        await follow.WaitForExitAsync().WaitAsync(Patience);

        Assert.That(follow.ExitCode, Is.EqualTo(0));
        var said = await stderr;
        Assert.That(said, Does.Contain("was truncated or replaced (rotated): reading it again from its start"));
        Assert.That(said, Does.Contain("nothing new for 2 s (--idle-exit)").And.Not.Contain("the input ended"));
        Assert.That(seen.ToString(), Does.Contain("→ AT+MQTTDISC").And.Contain("→ AT+CSQ"));
        Assert.That(seen.ToString(), Does.Match(@"(?m)^\s+1\s+→ AT\+CSQ"), "the new content's lines are numbered as the file now has them");
    }

    [Test]
    public async Task A_log_rotated_by_renaming_is_followed_into_the_new_file_even_when_it_is_longer()
    {
        // A logger that rotates by renaming: the old file keeps its content under a new name, and the new file at the
        // path is already longer than the old one when the follower looks.
        var log = Path.Combine(_directory, "gateway.log");
        await File.WriteAllTextAsync(log, "[2026-11-29 09:00:00.000] AT+CSQ\r\n[2026-11-29 09:00:00.040] +CSQ: 21,99\r\n[2026-11-29 09:00:00.041] OK\r\n");
        using var follow = ConformanceProcess.Start("analyze", "--follow", log, "--idle-exit", "3");
        var stderr = follow.StandardError.ReadToEndAsync();
        var seen = new StringBuilder();
        string? line;
        do
        {
            line = await follow.StandardOutput.ReadLineAsync().WaitAsync(Patience);
            seen.AppendLine(line);
        }
        while (line is not null && !line.Contains("→ AT+CSQ", StringComparison.Ordinal));
        File.Move(log, log + ".1");
        await File.WriteAllTextAsync(log, FieldLog);
        seen.Append(await follow.StandardOutput.ReadToEndAsync().WaitAsync(Patience));
        await follow.WaitForExitAsync().WaitAsync(Patience);

        Assert.That(follow.ExitCode, Is.EqualTo(0), await stderr);
        Assert.That(await stderr, Does.Contain("was truncated or replaced (rotated): reading it again from its start"));
        Assert.That(seen.ToString(), Does.Contain("→ AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"  OK").And.Contain("→ AT+MQTTDISC"),
            "the new file's exchanges");
        Assert.That(seen.ToString(), Does.Match(@"(?m)^\s+1\s+→ AT\s"), "the new file's lines are numbered as it has them");
    }

    [Test]
    public async Task A_port_is_followed_until_it_closes_and_reports_as_analyze_of_the_same_bytes()
    {
        using var server = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        server.Start();
        using var follow = ConformanceProcess.Start("analyze", "--follow", $"tcp:{server.LocalEndpoint}", "--json", Path.Combine(_directory, "port.json"));
        var stdout = follow.StandardOutput.ReadToEndAsync();
        var stderr = follow.StandardError.ReadToEndAsync();
        using (var port = await server.AcceptTcpClientAsync().WaitAsync(Patience))
        {
            var bytes = Encoding.UTF8.GetBytes(FieldLog);
            for (var at = 0; at < bytes.Length; at += 53) await port.GetStream().WriteAsync(bytes.AsMemory(at, Math.Min(53, bytes.Length - at)));
        }
        await follow.WaitForExitAsync().WaitAsync(Patience);
        var saved = Path.Combine(_directory, "same-bytes.log");
        await File.WriteAllTextAsync(saved, FieldLog);
        var offline = await ConformanceProcess.RunAsync(null, "analyze", saved, "--json", Path.Combine(_directory, "saved.json"));

        Assert.That(follow.ExitCode, Is.EqualTo(0), await stderr);
        Assert.That(await stderr, Does.Contain("the input ended"));
        Assert.That(offline.ExitCode, Is.EqualTo(0), offline.StandardError);
        Assert.That(await File.ReadAllTextAsync(Path.Combine(_directory, "port.json")),
            Is.EqualTo(await File.ReadAllTextAsync(Path.Combine(_directory, "saved.json"))));
        Assert.That(await stdout, Does.Contain("← +MQTTSUBACK: 1,1,\"cmd/611203\""));
    }

    [Test]
    public async Task A_follow_that_sees_no_traffic_before_the_idle_limit_is_an_input_error()
    {
        var run = await ConformanceProcess.RunAsync(null, "analyze", "--follow", Path.Combine(_directory, "not-yet.log"), "--idle-exit", "1");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("no AT traffic arrived, nothing to report"));
    }

    // A few lines so far: the arrows' meaning is learned from the first pair, not from a window of a thousand lines.
    [TestCase("I (5100) modem: -> AT+CSQ\nI (5141) modem: <- +CSQ: 21,99\nI (5142) modem: <- OK\n", "logger", TestName = "an ESP32's monitor output, any logger's")]
    [TestCase("10:00:05.100 >> AT+CSQ\n10:00:05.141 << +CSQ: 21,99\n10:00:05.142 << OK\n", "transcript", TestName = "a script's transcript")]
    public async Task Lines_with_arrows_are_shown_as_they_come(string text, string format)
    {
        var log = Path.Combine(_directory, "monitor.log");
        await File.WriteAllTextAsync(log, text);
        using var follow = ConformanceProcess.Start("analyze", "--follow", log);
        var stderr = follow.StandardError.ReadToEndAsync();

        var shown = new StringBuilder();
        while (!shown.ToString().Contains("AT+CSQ", StringComparison.Ordinal))
        {
            var line = await follow.StandardOutput.ReadLineAsync().WaitAsync(Patience);
            if (line is null) break;
            shown.AppendLine(line);
        }
        await Terminate(follow);

        Assert.That(shown.ToString(), Does.Contain("→ AT+CSQ +CSQ: 21,99  OK 42 ms"), await stderr);
        Assert.That(await stderr, Does.Contain($"as {format}"));
    }

    private static async Task Terminate(Process process)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()])) await kill.WaitForExitAsync();
        await process.WaitForExitAsync().WaitAsync(Patience);
    }
}
