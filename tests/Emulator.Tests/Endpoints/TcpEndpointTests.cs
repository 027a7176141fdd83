using System.Net.Sockets;
using Conformance.Emulator.Endpoints;
using Conformance.Emulator.Hosting;
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
    public async Task A_busy_port_is_refused_with_a_socket_error()
    {
        await using var module = new Conformance.Emulator.Modem.VirtualModule();
        await using var first = TcpEndpoint.Start(module);
        Assert.Throws<SocketException>(() => TcpEndpoint.Start(module, first.EndPoint));
    }
}
