using System.Text.Json;

namespace Conformance.Cli.Tests;

/// <summary>
/// <c>conformance analyze</c> on a gateway's log of two modules, written by hand as such a daemon writes it: a report
/// per device in the console and in every file, <c>--channel</c> for one, the exit code the worst device's.
/// </summary>
public class AnalyzeSeveralDevicesTests
{
    private const string Password = "Zq8pLm2wX";

    // ttyUSB0 connects (its password is a secret) and fails to subscribe; ttyUSB1 only polls the signal.
    private const string Gateway = $"""
        Nov 30 10:00:00 gw systemd[1]: Started modem daemon.
        Nov 30 10:00:01 gw modemd[311]: [ttyUSB0] > AT+MQTTCFG="183.230.40.39",6002,"dev1",120,"prod1","{Password}",1
        Nov 30 10:00:01 gw modemd[311]: [ttyUSB1] > AT+CSQ
        Nov 30 10:00:01 gw modemd[311]: [ttyUSB1] < +CSQ: 12,99
        Nov 30 10:00:01 gw modemd[311]: [ttyUSB1] < OK
        Nov 30 10:00:01 gw modemd[311]: [ttyUSB0] < OK
        Nov 30 10:00:02 gw modemd[311]: [ttyUSB0] > AT+CSQ
        Nov 30 10:00:02 gw modemd[311]: [ttyUSB0] < +CSQ: 25,99
        Nov 30 10:00:02 gw modemd[311]: [ttyUSB1] > AT+CSQ
        Nov 30 10:00:02 gw modemd[311]: [ttyUSB0] < OK
        Nov 30 10:00:03 gw modemd[311]: [ttyUSB1] < +CSQ: 13,99
        Nov 30 10:00:03 gw modemd[311]: [ttyUSB1] < OK
        Nov 30 10:00:04 gw modemd[311]: [ttyUSB0] > AT+MQTTSUB="$creq/#",1
        Nov 30 10:00:04 gw modemd[311]: [ttyUSB0] < +CME ERROR: 3

        """;

    private string _directory = "";
    private string _log = "";

    [SetUp]
    public void WriteLog()
    {
        Directory.CreateDirectory(_directory = Path.Combine(Path.GetTempPath(), $"devices-{Guid.NewGuid():N}"));
        File.WriteAllText(_log = Path.Combine(_directory, "gateway.log"), Gateway);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task The_console_says_how_many_devices_and_reports_each_under_its_name()
    {
        var (exit, stdout, stderr) = await ConformanceProcess.RunAsync(null, "analyze", _log);

        Assert.That(exit, Is.EqualTo(0), stderr);
        Assert.That(stdout, Does.StartWith("The log holds 2 devices (ttyUSB0, ttyUSB1)"));
        Assert.That(stderr, Does.Contain("the log holds 2 devices"));
        var usb0 = stdout.IndexOf("Device ttyUSB0", StringComparison.Ordinal);
        var usb1 = stdout.IndexOf("Device ttyUSB1", StringComparison.Ordinal);
        Assert.That(usb0, Is.GreaterThan(0).And.LessThan(usb1), "a heading per device, in the order they came");
        Assert.That(stdout[usb0..usb1], Does.Contain("+CSQ: 25,99").And.Contain("3 commands: 2 ok, 1 error"));
        Assert.That(stdout[usb1..], Does.Contain("+CSQ: 12,99").And.Contain("+CSQ: 13,99").And.Contain("2 commands: 2 ok, 0 errors"));
        Assert.That(stdout + stderr, Does.Not.Contain(Password));
    }

    [Test]
    public async Task Files_are_written_per_device_each_naming_it()
    {
        var json = Path.Combine(_directory, "report.json");
        var page = Path.Combine(_directory, "page.html");
        var csv = Path.Combine(_directory, "csv");

        var (exit, _, stderr) = await ConformanceProcess.RunAsync(null, "analyze", _log, "--json", json, "--html", page, "--csv", csv);

        Assert.That(exit, Is.EqualTo(0), stderr);
        using var usb0 = JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, "report.ttyUSB0.json")));
        using var usb1 = JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, "report.ttyUSB1.json")));
        Assert.That(usb0.RootElement.GetProperty("channel").GetString(), Is.EqualTo("ttyUSB0"));
        Assert.That(usb0.RootElement.GetProperty("summary").GetProperty("errors").GetInt32(), Is.EqualTo(1));
        Assert.That(usb1.RootElement.GetProperty("summary").GetProperty("commands").GetInt32(), Is.EqualTo(2));
        Assert.That(File.Exists(json), Is.False, "no report of the devices mixed");
        Assert.That(File.ReadAllText(Path.Combine(_directory, "page.ttyUSB1.html")), Does.Contain("device ttyUSB1"));
        Assert.That(File.ReadAllText(Path.Combine(csv, "ttyUSB1", "exchanges.csv")), Does.Contain("+CSQ: 13,99").And.Not.Contain("25,99"));
        var written = Directory.GetFiles(_directory, "*", SearchOption.AllDirectories).Where(f => f != _log).Select(File.ReadAllText);
        Assert.That(written, Has.None.Contains(Password), "the password stays masked in every file");
    }

    [Test]
    public async Task Json_on_standard_output_is_a_document_per_device()
    {
        var (exit, stdout, stderr) = await ConformanceProcess.RunAsync(null, "analyze", _log, "--json", "-");

        Assert.That(exit, Is.EqualTo(0), stderr);
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(stdout), new JsonReaderOptions { AllowMultipleValues = true });
        var channels = new List<string>();
        while (reader.Read())
        {
            using var document = JsonDocument.ParseValue(ref reader);
            channels.Add(document.RootElement.GetProperty("channel").GetString()!);
        }
        Assert.That(channels, Is.EqualTo(new[] { "ttyUSB0", "ttyUSB1" }));
    }

    [Test]
    public async Task Channel_analyses_one_device_and_an_unknown_one_is_a_usage_error_naming_the_devices()
    {
        var one = await ConformanceProcess.RunAsync(null, "analyze", _log, "--channel", "ttyUSB1");
        var unknown = await ConformanceProcess.RunAsync(null, "analyze", _log, "--channel", "ttyUSB7");

        Assert.That(one.ExitCode, Is.EqualTo(0), one.StandardError);
        Assert.That(one.StandardOutput, Does.Contain("reported below is ttyUSB1 alone").And.Contain("Device ttyUSB1").And.Not.Contain("Device ttyUSB0"));
        Assert.That(unknown.ExitCode, Is.EqualTo(2));
        Assert.That(unknown.StandardError, Does.Contain("--channel ttyUSB7: no such device in the log; its devices are ttyUSB0, ttyUSB1"));
    }

    // The gateway after a firmware upgrade: ttyUSB0 subscribes now, ttyUSB1 answers the signal slower, and a third
    // module, ttyUSB2, came in.
    private const string Upgraded = """
        Nov 30 11:00:01 gw modemd[402]: [ttyUSB0] > AT+CSQ
        Nov 30 11:00:01 gw modemd[402]: [ttyUSB1] > AT+CSQ
        Nov 30 11:00:01 gw modemd[402]: [ttyUSB0] < +CSQ: 24,99
        Nov 30 11:00:01 gw modemd[402]: [ttyUSB0] < OK
        Nov 30 11:00:02 gw modemd[402]: [ttyUSB2] > AT+CGATT?
        Nov 30 11:00:03 gw modemd[402]: [ttyUSB1] < +CSQ: 11,99
        Nov 30 11:00:03 gw modemd[402]: [ttyUSB1] < OK
        Nov 30 11:00:03 gw modemd[402]: [ttyUSB2] < +CGATT: 1
        Nov 30 11:00:03 gw modemd[402]: [ttyUSB2] < OK
        Nov 30 11:00:04 gw modemd[402]: [ttyUSB0] > AT+MQTTSUB="$creq/#",1
        Nov 30 11:00:04 gw modemd[402]: [ttyUSB0] < OK

        """;

    [Test]
    public async Task Compare_puts_each_device_beside_the_device_of_the_same_name()
    {
        var upgraded = Path.Combine(_directory, "upgraded.log");
        File.WriteAllText(upgraded, Upgraded);
        var json = Path.Combine(_directory, "changes.json");

        var (exit, stdout, stderr) = await ConformanceProcess.RunAsync(null, "compare", _log, upgraded, "--json", json);

        Assert.That(exit, Is.EqualTo(0), stderr);
        Assert.That(stderr, Does.Contain("device ttyUSB2 (only in upgraded.log): not compared"));
        var usb0 = stdout.IndexOf("Device ttyUSB0", StringComparison.Ordinal);
        var usb1 = stdout.IndexOf("Device ttyUSB1", StringComparison.Ordinal);
        Assert.That(usb0, Is.GreaterThanOrEqualTo(0).And.LessThan(usb1), "a heading per device, in the order they came");
        Assert.That(stdout, Does.Not.Contain("Device ttyUSB2"));
        Assert.That(stdout[usb0..usb1], Does.Contain("Diagnostics only in A").And.Contain("AT+MQTTSUB"), "ttyUSB0's refused subscription is gone");
        Assert.That(stdout[usb1..], Does.Not.Contain("Diagnostics only in A").And.Not.Contain("AT+MQTTSUB"));
        using var usb1Json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, "changes.ttyUSB1.json")));
        Assert.That(usb1Json.RootElement.GetProperty("channel").GetString(), Is.EqualTo("ttyUSB1"));
        var csq = usb1Json.RootElement.GetProperty("commands").EnumerateArray().Single(c => c.GetProperty("command").GetString() == "AT+CSQ");
        Assert.That((csq.GetProperty("a").GetProperty("count").GetInt32(), csq.GetProperty("b").GetProperty("count").GetInt32()), Is.EqualTo((2, 1)),
            "ttyUSB1's own commands on each side, not the other modules'");
        Assert.That(File.Exists(json), Is.False, "no comparison of the devices pooled");
    }

    [Test]
    public async Task Compare_of_a_log_of_several_devices_with_a_log_of_one_asks_which_device_and_compares_the_one_named()
    {
        var one = Path.Combine(_directory, "bench.log");
        File.WriteAllText(one, "[10:00:01.100] AT+CSQ\r\n[10:00:01.150] +CSQ: 20,99\r\n[10:00:01.151] OK\r\n");

        var refused = await ConformanceProcess.RunAsync(null, "compare", _log, one);
        var unknown = await ConformanceProcess.RunAsync(null, "compare", _log, one, "--channel", "ttyUSB7");
        var named = await ConformanceProcess.RunAsync(null, "compare", _log, one, "--channel", "ttyusb1", "--json", "-");

        Assert.That(refused.ExitCode, Is.EqualTo(2));
        Assert.That(refused.StandardError, Does.Contain(
            "gateway.log holds 2 devices (ttyUSB0, ttyUSB1) and bench.log is a log of one module: give --channel NAME to compare one of gateway.log's devices with bench.log"));
        Assert.That(unknown.ExitCode, Is.EqualTo(2));
        Assert.That(unknown.StandardError, Does.Contain("--channel ttyUSB7: no such device in gateway.log; its devices are ttyUSB0, ttyUSB1"));
        Assert.That(named.ExitCode, Is.EqualTo(0), named.StandardError);
        using var comparison = JsonDocument.Parse(named.StandardOutput);
        Assert.That(comparison.RootElement.GetProperty("channel").GetString(), Is.EqualTo("ttyUSB1"));
        var csq = comparison.RootElement.GetProperty("commands").EnumerateArray().Single();
        Assert.That((csq.GetProperty("command").GetString(), csq.GetProperty("a").GetProperty("count").GetInt32()), Is.EqualTo(("AT+CSQ", 2)));
        Assert.That(named.StandardOutput + named.StandardError, Does.Not.Contain(Password));
    }

    [Test]
    public async Task Follow_reports_each_device_as_analyze_does_naming_it_on_each_live_line()
    {
        // The daemon's first lines are there when the follow starts; the rest comes in pieces, lines split anywhere.
        var lines = Gateway.Split('\n');
        var first = string.Join('\n', lines[..6]) + '\n';
        File.WriteAllText(_log, first);
        using var follow = ConformanceProcess.Start("analyze", "--follow", _log, "--idle-exit", "3", "--json", Path.Combine(_directory, "followed.json"));
        var stdout = follow.StandardOutput.ReadToEndAsync();
        var stderr = follow.StandardError.ReadToEndAsync();
        var rest = System.Text.Encoding.UTF8.GetBytes(Gateway[first.Length..]);
        await using (var writer = new FileStream(_log, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
        {
            await Task.Delay(1500);
            for (var at = 0; at < rest.Length; at += 29)
            {
                await writer.WriteAsync(rest.AsMemory(at, Math.Min(29, rest.Length - at)));
                await writer.FlushAsync();
                await Task.Delay(10);
            }
        }
        await follow.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var offline = await ConformanceProcess.RunAsync(null, "analyze", _log, "--json", Path.Combine(_directory, "offline.json"));

        Assert.That(follow.ExitCode, Is.EqualTo(0), await stderr);
        Assert.That(await stderr, Does.Contain("the log holds several devices (a name in each line's prefix): each is followed as a log of its own"));
        foreach (var device in new[] { "ttyUSB0", "ttyUSB1" })
            Assert.That(File.ReadAllText(Path.Combine(_directory, $"followed.{device}.json")), Is.EqualTo(File.ReadAllText(Path.Combine(_directory, $"offline.{device}.json"))),
                $"{device}'s report equals analyze's");
        var live = await stdout;
        var timeline = live[..live.IndexOf("The log holds 2 devices", StringComparison.Ordinal)];
        Assert.That(timeline, Does.Match(@"(?m)^\S+\s+3\s+ttyUSB1\s+→ AT\+CSQ").And.Match(@"(?m)^\S+\s+13\s+ttyUSB0\s+→ AT\+MQTTSUB"),
            "each live line names its device");
        Assert.That(live[live.IndexOf("Device ttyUSB1", StringComparison.Ordinal)..], Does.Contain("2 commands: 2 ok, 0 errors"));
        Assert.That(live + await stderr, Does.Not.Contain(Password));
    }

    [Test]
    public async Task Follow_with_channel_follows_that_device_alone()
    {
        var (exit, stdout, stderr) = await ConformanceProcess.RunAsync(null, "analyze", "--follow", _log, "--idle-exit", "1", "--channel", "ttyUSB1");

        Assert.That(exit, Is.EqualTo(0), stderr);
        Assert.That(stdout, Does.Contain("reported below is ttyUSB1 alone").And.Contain("Device ttyUSB1"));
        Assert.That(stdout, Does.Match(@"(?m)^\S+\s+3\s+ttyUSB1\s+→ AT\+CSQ").And.Not.Match(@"(?m)^\S+\s+\d+\s+ttyUSB0"), "no live line of ttyUSB0");
    }

    [Test]
    public async Task Follow_with_a_misspelt_channel_says_so_as_each_other_device_comes()
    {
        var (exit, _, stderr) = await ConformanceProcess.RunAsync(null, "analyze", "--follow", _log, "--idle-exit", "1", "--channel", "ttyUSB7");

        Assert.That(exit, Is.EqualTo(2), stderr);
        var waiting = stderr.IndexOf("--channel ttyUSB7: device ttyUSB0 came, not ttyUSB7; still waiting for it (devices so far: ttyUSB0)", StringComparison.Ordinal);
        var next = stderr.IndexOf("--channel ttyUSB7: device ttyUSB1 came, not ttyUSB7; still waiting for it (devices so far: ttyUSB0, ttyUSB1)", StringComparison.Ordinal);
        var ended = stderr.IndexOf("nothing new for 1 s", StringComparison.Ordinal);
        Assert.That(waiting, Is.GreaterThanOrEqualTo(0), stderr);
        Assert.That(next, Is.GreaterThan(waiting), stderr);
        Assert.That(waiting, Is.LessThan(ended), "said while following, before the end");
        Assert.That(stderr, Does.Contain("--channel ttyUSB7: no such device in the log; its devices are ttyUSB0, ttyUSB1"));
    }

    [Test]
    public async Task The_exit_code_is_the_worst_devices()
    {
        // Only ttyUSB0 has warnings (its subscription refused): they fail the log.
        var (exit, _, _) = await ConformanceProcess.RunAsync(null, "analyze", _log, "--fail-on", "warn");
        var (alone, _, _) = await ConformanceProcess.RunAsync(null, "analyze", _log, "--fail-on", "warn", "--channel", "ttyUSB1");

        Assert.That((exit, alone), Is.EqualTo((1, 0)));
    }
}
