using System.Net;
using System.Net.Sockets;
using MQTTnet.Server;

namespace Conformance.Emulator.Platform;

/// <summary>An in-process MQTT broker (MQTTnet) listening on 127.0.0.1 only.</summary>
public sealed class EmbeddedBroker : IAsyncDisposable
{
    private EmbeddedBroker(MqttServer server, int port)
    {
        Server = server;
        Port = port;
    }

    /// <summary>The MQTTnet server, for hooking its interceptors and events.</summary>
    public MqttServer Server { get; }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>Starts a broker on <paramref name="port"/>, or on a free port when 0.</summary>
    /// <param name="port">TCP port on 127.0.0.1; 0 picks a free one.</param>
    /// <param name="configure">Hooks the server's events before it accepts the first client.</param>
    /// <param name="wallClockKeepAlive">Cut a client silent for 1.5 keep-alive periods of real time (MQTT-3.1.2-24).
    /// False for a module on fake or virtual time: its pings follow that clock, so real time says nothing about them.</param>
    public static async Task<EmbeddedBroker> StartAsync(int port = 0, Action<MqttServer>? configure = null, bool wallClockKeepAlive = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        if (port != 0) return await StartOnAsync(port, configure, wallClockKeepAlive);
        // A free port may be taken between finding and binding it (other emulators, other tests): try another.
        for (var attempt = 1; ; attempt++)
        {
            try { return await StartOnAsync(LoopbackPort.Free(), configure, wallClockKeepAlive); }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse && attempt < 5) { }
        }
    }

    private static async Task<EmbeddedBroker> StartOnAsync(int port, Action<MqttServer>? configure, bool wallClockKeepAlive)
    {
        var factory = new MqttServerFactory();
        var options = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(port)
            .Build();
        if (!wallClockKeepAlive) options.KeepAliveOptions.MonitorInterval = Timeout.InfiniteTimeSpan;
        var server = factory.CreateMqttServer(options);
        configure?.Invoke(server);
        try { await server.StartAsync(); }
        catch
        {
            server.Dispose();
            throw;
        }
        return new EmbeddedBroker(server, port);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.StopAsync(new MqttServerStopOptions());
        Server.Dispose();
    }
}
