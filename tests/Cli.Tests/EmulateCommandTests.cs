using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Conformance.Cli.Tests;

/// <summary><c>conformance emulate</c> run as a user would: a real process, a TCP client, SIGTERM to stop.</summary>
public sealed class EmulateCommandTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Test]
    public async Task The_manuals_chapter_4_sequence_over_tcp_then_SIGTERM_exits_0()
    {
        using var emulator = Start("emulate", "--tcp", "127.0.0.1:0");
        var stderr = emulator.StandardError.ReadToEndAsync();
        var port = PortIn(await emulator.StandardOutput.ReadLineAsync().WaitAsync(Patience), "listening on tcp 127.0.0.1:");

        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            using var at = new AtLines(client.GetStream());
            var Exchange = at.Exchange;

            Assert.That(await Exchange("AT", 1), Is.EqualTo(new[] { "OK" }));
            Assert.That(await Exchange("AT+CSQ", 2), Is.EqualTo(new[] { "+CSQ: 24,99", "OK" }));
            Assert.That(await Exchange("AT+CEREG?", 2), Is.EqualTo(new[] { "+CEREG: 0,1", "OK" }));
            Assert.That(await Exchange("AT+CGATT?", 2), Is.EqualTo(new[] { "+CGATT: 1", "OK" }));
            Assert.That(await Exchange("AT+MQTTCFG=\"183.230.40.39\",6002,\"40213547\",600,\"168649\",\"O7x...g0=\",1", 1), Is.EqualTo(new[] { "OK" }));
            Assert.That(await Exchange("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", 2), Is.EqualTo(new[] { "OK", "+MQTTOPEN: OK" }));
            var sub = await Exchange("AT+MQTTSUB=\"led2\",2,0", 2);
            Assert.That(sub[1], Does.Match("^\\+MQTTSUBACK: [0-9]+,2,\"led2\"$"));
            var pub = await Exchange("AT+MQTTPUB=$dp,2,1,0,30,03001B7b2274657374223a2268656c6c6fefbc8c776f726c64efbc81227d", 3);
            Assert.That(pub[1], Does.Match("^\\+MQTTPUBREC: 0,[0-9]+$"));
            Assert.That(pub[2], Does.Match("^\\+MQTTPUBCOMP: 0,[0-9]+$"));
            Assert.That(await Exchange("AT+MQTTDISC", 2), Is.EqualTo(new[] { "OK", "+MQTTDISC: OK" }));
        }

        using (var kill = Process.Start("kill", ["-TERM", emulator.Id.ToString()])) await kill.WaitForExitAsync();
        await emulator.WaitForExitAsync().WaitAsync(Patience);
        Assert.That(emulator.ExitCode, Is.EqualTo(0), await stderr);
        var log = await stderr;
        Assert.That(log, Does.Contain("> AT+MQTTOPEN=1,1,0,0,0,\"\",\"\""));
        Assert.That(log, Does.Not.Contain("O7x...g0="), "the CFG password must never be printed");
    }

    [Test]
    public async Task A_busy_port_exits_2_with_a_message()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var result = await ConformanceProcess.RunAsync(null, "emulate", "--tcp", $"127.0.0.1:{port}");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError, Does.Contain($"cannot listen on tcp 127.0.0.1:{port}"));
    }

    [Test]
    public async Task A_mapped_host_goes_to_its_own_broker_and_every_other_host_to_the_default()
    {
        var nothingThere = FreePort();
        using var emulator = Start("emulate", "--tcp", "127.0.0.1:0", "--map", $"10.9.8.7:1883=127.0.0.1:{nothingThere}");
        var stderr = emulator.StandardError.ReadToEndAsync();
        var port = PortIn(await emulator.StandardOutput.ReadLineAsync().WaitAsync(Patience), "listening on tcp 127.0.0.1:");

        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            using var at = new AtLines(client.GetStream());
            Assert.That(await at.Exchange("AT+MQTTCFG=\"183.230.40.39\",6002,\"1\",60,\"2\",\"k\",1", 1), Is.EqualTo(new[] { "OK" }));
            Assert.That(await at.Exchange("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", 2), Is.EqualTo(new[] { "OK", "+MQTTOPEN: OK" }), "the default broker");
            Assert.That(await at.Exchange("AT+MQTTDISC", 2), Is.EqualTo(new[] { "OK", "+MQTTDISC: OK" }));
            Assert.That(await at.Exchange("AT+MQTTDEL", 1), Is.EqualTo(new[] { "OK" }));
            Assert.That(await at.Exchange("AT+MQTTCFG=\"10.9.8.7\",1883,\"1\",60,\"2\",\"k\",1", 1), Is.EqualTo(new[] { "OK" }));
            Assert.That(await at.Exchange("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", 2), Is.EqualTo(new[] { "OK", "+MQTTOPEN: FAIL" }), "the mapped broker, where nothing listens");
        }

        using (var kill = Process.Start("kill", ["-TERM", emulator.Id.ToString()])) await kill.WaitForExitAsync();
        await emulator.WaitForExitAsync().WaitAsync(Patience);
        Assert.That(emulator.ExitCode, Is.EqualTo(0), await stderr);
    }

    [TestCase("warn", new string[0], new[] { "connected", "> AT+CSQ", "< OK" })]
    [TestCase("info", new[] { "tcp client 127.0.0.1:", "> AT+CSQ" }, new[] { "< OK" })]
    [TestCase("debug", new[] { "tcp client 127.0.0.1:", "> AT+CSQ", "< +CSQ: 24,99", "< OK" }, new string[0])]
    public async Task The_log_level_decides_what_standard_error_shows(string level, string[] shown, string[] hidden)
    {
        using var emulator = Start("emulate", "--tcp", "127.0.0.1:0", "--log-level", level);
        var stderr = emulator.StandardError.ReadToEndAsync();
        var port = PortIn(await emulator.StandardOutput.ReadLineAsync().WaitAsync(Patience), "listening on tcp 127.0.0.1:");
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            using var at = new AtLines(client.GetStream());
            Assert.That(await at.Exchange("AT+CSQ", 2), Is.EqualTo(new[] { "+CSQ: 24,99", "OK" }));
        }

        using (var kill = Process.Start("kill", ["-TERM", emulator.Id.ToString()])) await kill.WaitForExitAsync();
        await emulator.WaitForExitAsync().WaitAsync(Patience);
        var log = await stderr;
        Assert.That(emulator.ExitCode, Is.EqualTo(0), log);
        foreach (var text in shown) Assert.That(log, Does.Contain(text), $"--log-level {level}");
        foreach (var text in hidden) Assert.That(log, Does.Not.Contain(text), $"--log-level {level}");
        if (level == "warn") Assert.That(log, Is.Empty);
    }

    [TestCase("--map", "183.230.40.39:6002", "--map must be HOST:PORT=HOST:PORT")]
    [TestCase("--broker", "nowhere", "--broker must be 'embedded' or HOST:PORT")]
    [TestCase("--tcp", "5310", "--tcp must be HOST:PORT")]
    public async Task Bad_addresses_exit_2_naming_the_option(string option, string value, string message)
    {
        var result = await ConformanceProcess.RunAsync(null, "emulate", option, value);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError, Does.Contain(message));
    }

    [Test]
    public async Task An_unreachable_broker_exits_2()
    {
        var result = await ConformanceProcess.RunAsync(null, "emulate", "--broker", $"127.0.0.1:{FreePort()}");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError, Does.Contain("cannot reach the broker"));
    }

    /// <summary>The port the emulator announced after binding port 0: a port picked beforehand may be taken by then.</summary>
    internal static int PortIn(string? announcement, string prefix)
    {
        Assert.That(announcement, Does.StartWith(prefix));
        return int.Parse(announcement!.AsSpan(prefix.Length));
    }

    /// <summary>A port nothing listens on (for addresses that must not answer).</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "conformance.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }
}
