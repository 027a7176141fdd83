using System.Net.Sockets;
using System.Text;
using Conformance.Emulator.Control;
using Conformance.Emulator.Endpoints;
using Conformance.Emulator.Logging;
using Conformance.Emulator.Modem;
using Conformance.Emulator.Tests.Modem;
using Conformance.Emulator.Tests.Support;

namespace Conformance.Emulator.Tests.Control;

/// <summary>The control channel over TCP, as <c>nc</c> or a test rig would use it.</summary>
public sealed class ControlServerTests
{
    [Test]
    public async Task Each_line_gets_one_answer_line_in_order_whatever_the_line_ends()
    {
        await using var module = new VirtualModule();
        await using var server = ControlServer.Start(module);
        await using var host = new AtTerminal(new ModuleStream(module));
        using var client = new TcpClient();
        await client.ConnectAsync(server.EndPoint);
        var stream = client.GetStream();
        using var answers = new StreamReader(stream, Encoding.UTF8);

        // Two lines in one packet, CRLF and LF, and a blank line that gets no answer.
        await stream.WriteAsync("echo on\r\n\nurc \"+MQTTDISC: OK\"\n"u8.ToArray());
        Assert.That(await answers.ReadLineAsync().WaitAsync(Waiting.Timeout), Is.EqualTo("ok echo on"));
        Assert.That(await answers.ReadLineAsync().WaitAsync(Waiting.Timeout), Is.EqualTo("ok urc sent (13 characters)"));
        await host.ExpectLinesAsync("+MQTTDISC: OK");
        await host.ExpectAsync("AT", "AT", "OK");
    }

    [Test]
    public async Task An_over_long_line_is_refused_and_the_next_line_still_works()
    {
        await using var module = new VirtualModule();
        var log = new List<EmulatorLogEntry>();
        module.Logged += (_, entry) => { lock (log) log.Add(entry); };
        await using var server = ControlServer.Start(module);
        using var client = new TcpClient();
        await client.ConnectAsync(server.EndPoint);
        var stream = client.GetStream();
        using var answers = new StreamReader(stream, Encoding.UTF8);

        await stream.WriteAsync(Encoding.ASCII.GetBytes("urc \"" + new string('x', ControlServer.MaxLineLength) + "\"\nbroker\n"));
        Assert.That(await answers.ReadLineAsync().WaitAsync(Waiting.Timeout), Is.EqualTo($"error: line longer than {ControlServer.MaxLineLength} bytes; nothing done"));
        Assert.That(await answers.ReadLineAsync().WaitAsync(Waiting.Timeout), Is.EqualTo("error: 'broker' needs drop, refuse or restore after column 6"));
        lock (log)
            Assert.That(log, Has.Some.Matches<EmulatorLogEntry>(e => e.Level == EmulatorLogLevel.Warn && e.Text.EndsWith("broker → error: 'broker' needs drop, refuse or restore after column 6", StringComparison.Ordinal)));
    }

    [Test]
    public async Task A_busy_port_is_refused_with_a_socket_error()
    {
        await using var module = new VirtualModule();
        await using var first = ControlServer.Start(module);
        Assert.Throws<SocketException>(() => ControlServer.Start(module, first.EndPoint));
    }
}
