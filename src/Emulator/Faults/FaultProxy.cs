using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Conformance.Emulator.Faults;

/// <summary>
/// A loopback TCP proxy between the module and any MQTT broker that breaks the broker's side on demand:
/// refuse connections, swallow PINGRESP, hold back packet types until released, drop connections.
/// Every packet it forwards is reported through <see cref="FrameForwarded"/>, so tests can see real packet ids.
/// </summary>
/// <remarks>Listens on 127.0.0.1 only and forwards only to a loopback broker. Switches may be flipped from any thread.</remarks>
public sealed class FaultProxy : IAsyncDisposable
{
    internal enum Verdict { Forward, Drop, Hold }

    private readonly IPEndPoint _broker;
    private readonly ConcurrentDictionary<ProxiedConnection, byte> _connections = new();
    private readonly ConcurrentDictionary<MqttPacketType, bool> _held = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _listenerGate = new();
    private TcpListener? _listener;
    private bool _refuse;

    private FaultProxy(IPEndPoint broker) => _broker = broker;

    /// <summary>Raised for every packet forwarded, either way, on a proxy thread.</summary>
    public event EventHandler<MqttFrame>? FrameForwarded;

    /// <summary>Raised for every packet from the broker that is being held back, on a proxy thread.</summary>
    public event EventHandler<MqttFrame>? FrameHeld;

    public string Host => "127.0.0.1";

    public int Port { get; private set; }

    /// <summary>
    /// Rewrites each packet from the module before the broker gets it, as a firmware that encodes its packets wrong
    /// would send them, or drops one (the rewrite returns null) as a firmware that never sends it; null forwards them as
    /// they are. <see cref="FrameForwarded"/> reports what the broker got.
    /// </summary>
    public Func<MqttFrame, MqttFrame?>? RewriteToBroker { get; set; }

    /// <summary>
    /// Rewrites each packet from the broker before the module reads it, as a firmware that takes one acknowledgement
    /// for another would read it, or drops one (the rewrite returns null) as a firmware that ignores it; null leaves
    /// them as they are. Held and swallowed packets are decided on what the module reads.
    /// </summary>
    public Func<MqttFrame, MqttFrame?>? RewriteToModule { get; set; }

    /// <summary>Drops every PINGRESP from the broker: the broker seems to stop answering pings.</summary>
    public bool SwallowPingResp { get; set; }

    /// <summary>Closes the listening socket so connects are refused (broker unreachable); open connections stay.</summary>
    public bool RefuseConnections
    {
        get { lock (_listenerGate) return _refuse; }
        set
        {
            lock (_listenerGate)
            {
                if (_refuse == value) return;
                _refuse = value;
                if (value) StopListening();
                else Listen(Port);
            }
        }
    }

    /// <summary>Starts a proxy on a free loopback port in front of the broker at <paramref name="brokerHost"/>:<paramref name="brokerPort"/>.</summary>
    public static FaultProxy Start(int brokerPort, string brokerHost = "127.0.0.1")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokerPort, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(brokerPort, IPEndPoint.MaxPort);
        if (!IPAddress.TryParse(brokerHost, out var address) || !IPAddress.IsLoopback(address))
            throw new ArgumentException($"The broker must be on a loopback address, not \"{brokerHost}\".", nameof(brokerHost));
        var proxy = new FaultProxy(new IPEndPoint(address, brokerPort));
        proxy.Listen(0);
        return proxy;
    }

    /// <summary>From now on, packets of <paramref name="type"/> from the broker are kept back until <see cref="ReleaseAsync"/>.</summary>
    public void Hold(MqttPacketType type) => _held[type] = true;

    /// <summary>Stops holding <paramref name="type"/> and delivers what was held, in arrival order.</summary>
    public async Task ReleaseAsync(MqttPacketType type)
    {
        _held.TryRemove(type, out _);
        foreach (var connection in _connections.Keys) await connection.ReleaseAsync(type);
    }

    /// <summary>Cuts every open connection now (the module sees a reset); held packets are lost.</summary>
    public async Task DropConnectionsAsync()
    {
        foreach (var connection in _connections.Keys) await connection.DisposeAsync();
    }

    internal Verdict Decide(MqttFrame frame)
    {
        if (frame.Type == MqttPacketType.PingResp && SwallowPingResp) return Verdict.Drop;
        return _held.ContainsKey(frame.Type) ? Verdict.Hold : Verdict.Forward;
    }

    internal void Report(MqttFrame frame) => FrameForwarded?.Invoke(this, frame);

    internal void ReportHeld(MqttFrame frame) => FrameHeld?.Invoke(this, frame);

    private void Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _ = AcceptLoopAsync(listener);
    }

    private void StopListening()
    {
        _listener?.Stop();
        _listener = null;
    }

    private async Task AcceptLoopAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(_stop.Token);
                _ = ServeAsync(client);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // Listener stopped (between two accepts it says "not listening").
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        var broker = new TcpClient(AddressFamily.InterNetwork);
        try
        {
            await broker.ConnectAsync(_broker, _stop.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            broker.Dispose();
            client.Dispose();
            return;
        }
        var connection = new ProxiedConnection(client, broker, this);
        // Known before a byte passes: once the module has its CONNACK, a drop must find this connection.
        _connections[connection] = 0;
        await connection.RunAsync();
        _connections.TryRemove(connection, out _);
        await connection.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        lock (_listenerGate) StopListening();
        await DropConnectionsAsync();
        _stop.Dispose();
    }
}
