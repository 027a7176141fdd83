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
}
