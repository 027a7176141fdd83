using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Conformance.Emulator.Endpoints;

namespace Conformance.Cli.Tests;

/// <summary>
/// <c>conformance emulate --serial</c> and <c>--control</c> run as a user would: a real process on one end of a
/// pseudo-terminal pair, the harness or a host on the other, the control channel on TCP, SIGTERM to stop.
/// </summary>
[Platform("Linux")]
public sealed class EmulateSerialTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    // Shutting down closes the port, the broker link and the embedded broker, each with a bounded wait: on a machine
    // busy with other test processes that takes longer than a line takes to come.
    private static readonly TimeSpan ShutdownPatience = TimeSpan.FromSeconds(60);

    [Test]
    public async Task The_harness_passes_the_default_suites_against_the_emulator_on_the_other_end_of_a_serial_line()
    {
        await using var cable = new NullModem();
        var emulator = StartEmulator("emulate", "--serial", cable.A);
        var log = emulator.StandardError.ReadToEndAsync();
        Assert.That(await emulator.StandardOutput.ReadLineAsync().WaitAsync(Patience), Is.EqualTo($"serial {cable.A} at 9600 baud, 8N1"));
        var output = Directory.CreateTempSubdirectory("emulate-serial-").FullName;
        try
        {
            var run = await ConformanceProcess.RunAsync(null, "run", "--target", $"serial:{cable.B}", "--out", output);

            Assert.That(run.ExitCode, Is.EqualTo(0), run.StandardOutput + run.StandardError);
            Assert.That(run.StandardOutput, Does.Match(@"\d+ passed, 0 failed"));
            Assert.That(await StopAsync(emulator), Is.EqualTo(0), await log);
            Assert.That(await log, Does.Contain("> AT+MQTTOPEN="));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Test]
    public async Task Control_commands_change_what_the_host_on_the_serial_port_sees_mid_run()
    {
        await using var wire = PtyStream.Open();
        var emulator = StartEmulator("emulate", "--serial", wire.Path + ",115200", "--control", "tcp:127.0.0.1:0");
        var log = emulator.StandardError.ReadToEndAsync();
        Assert.That(await emulator.StandardOutput.ReadLineAsync().WaitAsync(Patience), Is.EqualTo($"serial {wire.Path} at 115200 baud, 8N1"));
        var controlLine = await emulator.StandardOutput.ReadLineAsync().WaitAsync(Patience);
        Assert.That(controlLine, Does.EndWith(" (send 'help')"));
        var controlPort = EmulateCommandTests.PortIn(controlLine![..^" (send 'help')".Length], "control on tcp 127.0.0.1:");

        using (var host = new AtLines(wire))
        using (var control = new TcpClient())
        {
            await control.ConnectAsync(IPAddress.Loopback, controlPort);
            var controlStream = control.GetStream();
            using var answers = new StreamReader(controlStream, Encoding.UTF8);
            async Task<string?> Control(string line)
            {
                await controlStream.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"));
                return await answers.ReadLineAsync().WaitAsync(Patience);
            }

            Assert.That(await host.Exchange("AT+MQTTCFG=\"183.230.40.39\",6002,\"40213547\",60,\"168649\",\"O7xSecretKey=\",1", 1), Is.EqualTo(new[] { "OK" }));
            Assert.That(await host.Exchange("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", 2), Is.EqualTo(new[] { "OK", "+MQTTOPEN: OK" }));

            Assert.That(await Control("urc \"+MQTTDISC: OK\""), Is.EqualTo("ok urc sent (13 characters)"));
            Assert.That(await host.Next(1), Is.EqualTo(new[] { "+MQTTDISC: OK" }));

            Assert.That(await Control("broker drop"), Is.EqualTo("ok broker drop: connection cut; the module reconnects"));
            Assert.That(await host.Next(2), Is.EqualTo(new[] { "+MQTTREC: 0", "+MQTTOPEN: OK" }), "reconnected after the reconnection interval");
            Assert.That(await Control("status"), Is.EqualTo("ok state 5 (Connected), echo off, broker accepting, pings answered, acks passing, uplink free, grants QoS 2 at most"));
            Assert.That(await Control("grant 0"), Is.EqualTo("ok grant 0: subscriptions from now on are granted QoS 0 at most"));
            Assert.That(await host.Exchange("AT+MQTTSUB=\"led2\",2", 2), Is.EqualTo(new[] { "OK", "+MQTTSUBACK: 1,0,\"led2\"" }), "the embedded broker granted QoS 0");

            Assert.That(await Control("pings stopp"), Is.EqualTo("error: 'pings' takes stop or resume, not 'stopp' at column 7"));
            Assert.That(await Control("urc \"key O7xSecretKey= leaked\""), Is.EqualTo("ok urc sent (24 characters)"));
        }

        Assert.That(await StopAsync(emulator), Is.EqualTo(0), await log);
        var text = await log;
        Assert.That(text, Does.Contain(": broker drop → ok broker drop: connection cut; the module reconnects"));
        Assert.That(text, Does.Contain(": pings stopp → error: 'pings' takes stop or resume, not 'stopp' at column 7"));
        Assert.That(text, Does.Not.Contain("O7xSecretKey="), "the CFG password is masked, also in control lines");
    }

    [Test]
    public async Task An_unplugged_adapter_is_logged_and_SIGTERM_while_waiting_for_it_exits_0()
    {
        var folder = Directory.CreateTempSubdirectory("emulate-serial-").FullName;
        var adapter = Path.Combine(folder, "ttyUSB0");
        try
        {
            var wire = PtyStream.Open();
            File.CreateSymbolicLink(adapter, wire.Path);
            var emulator = StartEmulator("emulate", "--serial", adapter);
            Assert.That(await emulator.StandardOutput.ReadLineAsync().WaitAsync(Patience), Is.EqualTo($"serial {adapter} at 9600 baud, 8N1"));

            await wire.DisposeAsync();
            File.Delete(adapter);
            var log = new List<string>();
            string? line;
            do log.Add(line = await emulator.StandardError.ReadLineAsync().WaitAsync(Patience) ?? throw new AssertionException("the emulator ended:\n" + string.Join('\n', log)));
            while (!line.Contains(" lost ", StringComparison.Ordinal));
            Assert.That(line, Is.EqualTo($"serial port {adapter} lost (unplugged?); the module keeps running, waiting for the port to come back"));

            Assert.That(await StopAsync(emulator), Is.EqualTo(0));
            Assert.That(await emulator.StandardOutput.ReadToEndAsync(), Does.EndWith("stopped\n"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task A_missing_serial_port_exits_2_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-adapter-" + Guid.NewGuid().ToString("N"));

        var result = await ConformanceProcess.RunAsync(null, "emulate", "--serial", missing + ",115200");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError, Does.Contain($"conformance: serial port {missing} does not exist (is the adapter plugged in?)"));
    }

    [TestCase("--serial", "/dev/ttyUSB0,fast", "conformance: --serial: baud rate 'fast' at character 14 of '/dev/ttyUSB0,fast' must be a positive number")]
    [TestCase("--control", "127.0.0.1:5311", "conformance: --control must be tcp:HOST:PORT with an IP address or localhost, e.g. tcp:127.0.0.1:5311 (got '127.0.0.1:5311')")]
    [TestCase("--control", "tcp:nowhere", "conformance: --control must be tcp:HOST:PORT")]
    public async Task Bad_arguments_exit_2_naming_the_option(string option, string value, string message)
    {
        var result = await ConformanceProcess.RunAsync(null, "emulate", option, value);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError, Does.Contain(message));
    }

    [Test]
    public async Task A_busy_control_port_exits_2_naming_it()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var result = await ConformanceProcess.RunAsync(null, "emulate", "--tcp", "127.0.0.1:0", "--control", $"tcp:127.0.0.1:{port}");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError, Does.Contain($"conformance: cannot listen on --control tcp:127.0.0.1:{port}"));
    }

    private readonly List<Process> _started = [];

    /// <summary>Starts <c>conformance</c>; it ends with the test at the latest, also when the test fails before stopping it.</summary>
    private Process StartEmulator(params string[] args)
    {
        var emulator = ConformanceProcess.Start(args);
        _started.Add(emulator);
        return emulator;
    }

    [TearDown]
    public void KillLeftovers()
    {
        foreach (var emulator in _started)
        {
            if (!emulator.HasExited) emulator.Kill();
            emulator.Dispose();
        }
        _started.Clear();
    }

    private static async Task<int> StopAsync(Process emulator)
    {
        using (var kill = Process.Start("kill", ["-TERM", emulator.Id.ToString()])) await kill.WaitForExitAsync();
        await emulator.WaitForExitAsync().WaitAsync(ShutdownPatience);
        return emulator.ExitCode;
    }
}
