using System.Text.Json;

namespace Conformance.Cli.Tests;

/// <summary>
/// <c>conformance analyze</c> on logs as gateways and Linux hosts write them (a journal, socat's hex dump), written here
/// by hand: the format found, the session read, the password shown nowhere.
/// </summary>
public class AnalyzeFieldFormatsTests
{
    private const string Password = "q7Rt2mWx9Kp4";
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => Directory.CreateDirectory(_directory = Path.Combine(Path.GetTempPath(), $"field-formats-{Guid.NewGuid():N}"));

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task A_journal_of_the_gateway_is_analysed_as_the_daemons_session()
    {
        var log = Path.Combine(_directory, "gateway-journal.txt");
        await File.WriteAllTextAsync(log,
            "-- Logs begin at Sun 2026-11-29 00:00:01 CST, end at Mon 2026-11-30 08:10:00 CST. --\r\n" +
            "2026-11-30T08:00:00.004000+0800 gw systemd[1]: Starting M5310-A bridge...\r\n" +
            "2026-11-30T08:00:00.100000+0800 gw mqtt-bridge[611]: AT+MQTTCFG=\"183.230.40.39\",6002,\"gw-04\",120,\"prod3\",\"" + Password + "\",1\r\n" +
            "2026-11-30T08:00:00.135000+0800 gw mqtt-bridge[611]: OK\r\n" +
            "2026-11-30T08:00:00.400000+0800 gw kernel: usb 1-1.2: new full-speed USB device number 5 using dwc_otg\r\n" +
            "2026-11-30T08:00:00.500000+0800 gw mqtt-bridge[611]: AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n" +
            "2026-11-30T08:00:00.560000+0800 gw mqtt-bridge[611]: OK\r\n" +
            "2026-11-30T08:00:01.900000+0800 gw mqtt-bridge[611]: +MQTTOPEN: OK\r\n" +
            "2026-11-30T08:00:02.000000+0800 gw systemd[1]: Started M5310-A bridge.\r\n" +
            "2026-11-30T08:00:05.000000+0800 gw mqtt-bridge[611]: AT+MQTTSTAT?\r\n" +
            "2026-11-30T08:00:05.031000+0800 gw mqtt-bridge[611]: +MQTTSTAT: 5\r\n" +
            "2026-11-30T08:00:05.032000+0800 gw mqtt-bridge[611]: OK\r\n");

        var (exit, stdout, stderr) = await ConformanceProcess.RunAsync(null, "analyze", log, "--json", "-");

        Assert.That(exit, Is.EqualTo(0), stderr);
        Assert.That(stderr, Does.Contain("as journal (detected"));
        using var json = JsonDocument.Parse(stdout);
        var exchanges = json.RootElement.GetProperty("exchanges").EnumerateArray().ToList();
        Assert.That(exchanges.Select(e => (e.GetProperty("command").GetString(), e.GetProperty("latencyMs").GetDouble())), Is.EqualTo(new[]
        {
            ("AT+MQTTCFG=\"183.230.40.39\",6002,\"gw-04\",120,\"prod3\",\"***\",1", 35.0), ("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", 60.0), ("AT+MQTTSTAT?", 32.0),
        }));
        Assert.That(json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()), Has.None.EqualTo("unreadable-line"));
        Assert.That(stdout + stderr, Does.Not.Contain(Password));

        var console = await ConformanceProcess.RunAsync(null, "analyze", log);
        Assert.That(console.StandardOutput, Does.Contain("+MQTTOPEN: OK").And.Not.Contain(Password).And.Not.Contain("systemd"));
    }

    [Test]
    public async Task A_socat_hex_dump_is_analysed_and_framed_its_password_masked_in_both()
    {
        // `socat -d -d -x /dev/ttyUSB0,raw,b9600 PTY,link=/tmp/m5310 2> bridge.log`: socat's notices, each packet's header,
        // its bytes in hex on one line.
        var log = Path.Combine(_directory, "bridge.log");
        await File.WriteAllTextAsync(log,
            "2026/11/30 14:02:09 socat[2211] N opening character device \"/dev/ttyUSB0\" for reading and writing\n" +
            "2026/11/30 14:02:09 socat[2211] N PTY is /dev/pts/4\n" +
            "< 2026/11/30 14:02:10.000000  length=25 from=0 to=24\n" +
            " 41 54 2b 4d 51 54 54 43 46 47 3d 22 68 22 2c 31 2c 22 64 22 2c 36 30 2c 22\n" +
            "< 2026/11/30 14:02:10.001000  length=21 from=25 to=45\n" +
            " 70 22 2c 22 " + string.Join(" ", Password.Select(c => ((int)c).ToString("x2"))) + " 22 2c 31 0d 0a\n" +
            "> 2026/11/30 14:02:10.038000  length=6 from=0 to=5\n" +
            " 0d 0a 4f 4b 0d 0a\n" +
            "< 2026/11/30 14:02:10.500000  length=12 from=46 to=57\n" +
            " 41 54 2b 4d 51 54 54 53 54 41 54 3f\n" +
            "< 2026/11/30 14:02:10.501000  length=2 from=58 to=59\n" +
            " 0d 0a\n" +
            "> 2026/11/30 14:02:10.530000  length=21 from=6 to=26\n" +
            " 0d 0a 2b 4d 51 54 54 53 54 41 54 3a 20 31 0d 0a 0d 0a 4f 4b 0d 0a\n");

        var (exit, stdout, stderr) = await ConformanceProcess.RunAsync(null, "analyze", log, "--json", "-");

        Assert.That(exit, Is.EqualTo(0), stderr);
        Assert.That(stderr, Does.Contain("as socat (detected"));
        using var json = JsonDocument.Parse(stdout);
        Assert.That(json.RootElement.GetProperty("exchanges").EnumerateArray().Select(e => (e.GetProperty("command").GetString(), e.GetProperty("latencyMs").GetDouble())),
            Is.EqualTo(new[] { ("AT+MQTTCFG=\"h\",1,\"d\",60,\"p\",\"***\",1", 37.0), ("AT+MQTTSTAT?", 29.0) }));
        Assert.That(stdout + stderr, Does.Not.Contain(Password));

        var frames = await ConformanceProcess.RunAsync(null, "frames", log);
        Assert.That(frames.ExitCode, Is.EqualTo(0), frames.StandardError);
        Assert.That(frames.StandardOutput, Does.Contain("+MQTTSTAT: 1").And.Not.Contain(Password));
    }
}
