using System.Diagnostics;
using System.IO.Ports;
using System.Net.Sockets;
using System.Text;
using Conformance.Emulator.Endpoints;
using Conformance.Emulator.Hosting;
using Conformance.Emulator.Logging;
using Conformance.Emulator.Modem;
using Conformance.Emulator.Tests.Support;
using Conformance.Emulator.Tests.Modem;

namespace Conformance.Emulator.Tests.Endpoints;

/// <summary>The module's AT port over TCP, as picocom-over-socat or a driver with a TCP link would use it.</summary>
public sealed class TcpEndpointTests
{
    [Test]
    public async Task The_manuals_chapter_4_sequence_gets_the_manuals_answers_over_tcp()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        await using var endpoint = TcpEndpoint.Start(emulator.Module);
        Assert.That(endpoint.EndPoint.Address.ToString(), Is.EqualTo("127.0.0.1"));
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.EndPoint);
        await using var host = new AtTerminal(client.GetStream());

        await host.ExpectAsync("AT", "OK");
        await host.ExpectAsync("AT+CSQ", "+CSQ: 24,99", "OK");
        await host.ExpectAsync("AT+CEREG?", "+CEREG: 0,1", "OK");
        await host.ExpectAsync("AT+CGATT?", "+CGATT: 1", "OK");
        await host.ExpectAsync("AT+MQTTCFG=\"183.230.40.39\",6002,\"40213547\",600,\"168649\",\"O7x...g0=\",1", "OK");
        await host.ExpectAsync("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK");
        await host.ExpectLinesAsync("+MQTTOPEN: OK");
        await host.ExpectAsync("AT+MQTTSUB=\"led2\",2,0", "OK");
        Assert.That(await host.NextLineAsync(), Does.Match("^\\+MQTTSUBACK: [0-9]+,2,\"led2\"$"));
        await host.ExpectAsync("AT+MQTTPUB=\"led2\",2,1,0,0,\" update message\"", "OK");
        var urcs = new List<string>();
        for (var i = 0; i < 5; i++) urcs.Add(await host.NextLineAsync());
        Assert.That(urcs, Does.Contain(" update message"));
        await host.ExpectAsync("AT+MQTTPUB=$dp,2,1,0,30,03001B7b2274657374223a2268656c6c6fefbc8c776f726c64efbc81227d", "OK");
        await host.NextLineAsync();
        await host.NextLineAsync();
        await host.ExpectAsync("AT+MQTTDISC", "OK");
        await host.ExpectLinesAsync("+MQTTDISC: OK");
        Assert.That(emulator.Platform!.DataPointsOf("40213547").Select(p => p.DatastreamId), Is.EqualTo(new[] { "test" }));
    }

    [Test]
    public async Task A_partial_line_left_by_a_previous_client_does_not_prefix_the_next_clients_command()
    {
        await using var module = new VirtualModule();
        await using var endpoint = TcpEndpoint.Start(module);
        using (var first = new TcpClient())
        {
            await first.ConnectAsync(endpoint.EndPoint);
            await using var host = new AtTerminal(first.GetStream());
            // "AT+C" arrives with the AT+CSQ line, so it has reached the module once +CSQ is answered.
            await host.SendAsync("AT+CSQ\rAT+C", "");
            await host.ExpectLinesAsync("+CSQ: 24,99", "OK");
        }

        using var second = new TcpClient();
        await second.ConnectAsync(endpoint.EndPoint);
        await using var next = new AtTerminal(second.GetStream());
        await next.ExpectAsync("AT", "OK");
    }

    [Test]
    public async Task Two_clients_share_one_module_and_each_sees_every_answer()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var log = new List<EmulatorLogEntry>();
        emulator.Module.Logged += (_, entry) => { lock (log) log.Add(entry); };
        await using var endpoint = TcpEndpoint.Start(emulator.Module);
        using var first = new TcpClient();
        await first.ConnectAsync(endpoint.EndPoint);
        await using var a = new AtTerminal(first.GetStream());
        await a.ExpectAsync("AT", "OK");
        using var second = new TcpClient();
        await second.ConnectAsync(endpoint.EndPoint);
        await using var b = new AtTerminal(second.GetStream());
        await b.ExpectAsync("AT+CSQ", "+CSQ: 24,99", "OK");
        // The first client saw the second one's answer as well.
        await a.ExpectLinesAsync("+CSQ: 24,99", "OK");

        await a.ExpectAsync("AT+MQTTCFG=\"183.230.40.39\",6002,\"40213547\",600,\"168649\",\"key\",1", "OK");
        await a.ExpectAsync("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK");
        await a.ExpectLinesAsync("+MQTTOPEN: OK");
        await b.ExpectLinesAsync("OK", "OK", "+MQTTOPEN: OK");
        // One MQTT instance: the second client finds the first one's connection, and cannot make another.
        await b.ExpectAsync("AT+MQTTSTAT?", "+MQTTSTAT: 5", "OK");
        await b.ExpectAsync("AT+MQTTCFG=\"183.230.40.39\",6002,\"2\",600,\"168649\",\"key\",1", "+CME ERROR: 602");
        lock (log)
            Assert.That(log.Select(e => e.Text), Has.Some.EndsWith(": 2 tcp clients now share the one module; each sees every byte it sends"));
    }

    [Test]
    public async Task A_client_that_sends_but_never_reads_is_disconnected_and_logged()
    {
        await using var module = new VirtualModule(new EmulatorOptions { MaxUnreadOutput = 4096 });
        var log = new List<EmulatorLogEntry>();
        module.Logged += (_, entry) => { lock (log) log.Add(entry); };
        await using var endpoint = TcpEndpoint.Start(module);
        using var client = new TcpClient { ReceiveBufferSize = 4096 };
        await client.ConnectAsync(endpoint.EndPoint);
        var stream = client.GetStream();

        // Commands as fast as the emulator takes them, never reading the answers (27 bytes out per 7 in).
        var commands = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("AT+CSQ\r", 8192)));
        var cut = false;
        for (var i = 0; i < 400 && !cut; i++)
        {
            try { await stream.WriteAsync(commands).AsTask().WaitAsync(Waiting.Timeout); }
            catch (IOException) { cut = true; }
            catch (TimeoutException) { break; }
        }

        // Whatever was in flight can still be read, then the connection ends instead of growing a queue.
        long received = 0;
        var buffer = new byte[65536];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer).AsTask().WaitAsync(Waiting.Timeout)) > 0) received += read;
        }
        catch (IOException)
        {
            // Reset by the emulator: also an end.
        }
        Assert.That(received, Is.LessThan(27L * 8192 * 400), "the client got far less than all the answers");
        lock (log)
            Assert.That(log.Select(e => (e.Level, e.Text)), Has.Some.Matches<(EmulatorLogLevel Level, string Text)>(
                e => e.Level == EmulatorLogLevel.Warn && e.Text.EndsWith("disconnected: it left more than 4096 bytes of module output unread", StringComparison.Ordinal)));

        using var fresh = new TcpClient();
        await fresh.ConnectAsync(endpoint.EndPoint);
        await using var host = new AtTerminal(fresh.GetStream());
        await host.ExpectAsync("AT", "OK");
    }

    [Test]
    [Platform("Linux")]
    public async Task Socat_turns_the_tcp_port_into_a_serial_device_for_serial_tools()
    {
        var socat = ExternalProgram.Require("socat", "socat");
        await using var module = new VirtualModule();
        await using var endpoint = TcpEndpoint.Start(module);
        var folder = Directory.CreateTempSubdirectory("socat-").FullName;
        var device = Path.Combine(folder, "ttyM5310");
        using var bridge = Process.Start(new ProcessStartInfo(socat, [$"pty,raw,echo=0,link={device}", $"tcp:127.0.0.1:{endpoint.EndPoint.Port}"])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        try
        {
            using (var patience = new CancellationTokenSource(Waiting.Timeout))
                while (!File.Exists(device)) await Task.Delay(20, patience.Token);
            using var port = new SerialPort(device, 9600, Parity.None, 8, StopBits.One);
            port.Open();
            await using var host = new AtTerminal(port.BaseStream);

            await host.ExpectAsync("AT+CSQ", "+CSQ: 24,99", "OK");
        }
        finally
        {
            if (!bridge.HasExited) bridge.Kill();
            await bridge.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task A_busy_port_is_refused_with_a_socket_error()
    {
        await using var module = new VirtualModule();
        await using var first = TcpEndpoint.Start(module);
        Assert.Throws<SocketException>(() => TcpEndpoint.Start(module, first.EndPoint));
    }
}
