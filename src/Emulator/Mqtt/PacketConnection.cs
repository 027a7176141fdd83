using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.LowLevelClient;
using MQTTnet.Packets;

namespace Conformance.Emulator.Mqtt;

/// <summary>
/// One TCP connection carrying MQTT 3.1.1 packets, on MQTTnet's low-level client: packets go out in the order
/// they were queued (one send loop) and come in on one receive loop. No MQTT logic and no timers here.
/// </summary>
internal sealed class PacketConnection : IAsyncDisposable
{
    private readonly ILowLevelMqttClient _client;
    private readonly Channel<MqttPacket> _outbox = Channel.CreateUnbounded<MqttPacket>(new() { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private Action<string>? _lost;
    private Task _sendLoop = Task.CompletedTask, _receiveLoop = Task.CompletedTask;
    private int _ended, _disposed;

    private PacketConnection(ILowLevelMqttClient client) => _client = client;

    /// <summary>Opens the TCP connection; socket errors surface as exceptions.</summary>
    public static async Task<PacketConnection> OpenAsync(string host, int port, CancellationToken cancellationToken)
    {
        var client = new MqttClientFactory().CreateLowLevelMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .Build();
        try
        {
            await client.ConnectAsync(options, cancellationToken);
            return new PacketConnection(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Sends one packet directly; only before <see cref="Start"/> (the CONNECT handshake).</summary>
    public Task SendNowAsync(MqttPacket packet, CancellationToken cancellationToken) => _client.SendAsync(packet, cancellationToken);

    /// <summary>Receives one packet directly; only before <see cref="Start"/>. Null when the broker closed the connection.</summary>
    public Task<MqttPacket?> ReceiveNowAsync(CancellationToken cancellationToken) => _client.ReceiveAsync(cancellationToken)!;

    /// <summary>Starts the loops: <paramref name="received"/> is called for each packet, <paramref name="lost"/> once if the connection breaks.</summary>
    public void Start(Action<MqttPacket> received, Action<string> lost)
    {
        _lost = lost;
        _sendLoop = Task.Run(SendLoopAsync);
        _receiveLoop = Task.Run(() => ReceiveLoopAsync(received));
    }

    /// <summary>Queues a packet behind those already queued; false when the connection has ended.</summary>
    public bool Enqueue(MqttPacket packet) => _outbox.Writer.TryWrite(packet);

    /// <summary>
    /// Sends what is queued, then <paramref name="last"/>, waits for the broker to close its side (briefly), then
    /// closes without reporting a loss.
    /// </summary>
    /// <remarks>
    /// A broker closes after DISCONNECT once it has let the client go. Closing first would let the next CONNECT with
    /// the same client id overtake that clean-up, and a broker may then end the new connection as the old one's
    /// (MQTTnet's server does: the module saw its fresh connection drop and reported <c>+MQTTREC</c>).
    /// </remarks>
    public async Task CloseAfterAsync(MqttPacket last)
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            _outbox.Writer.TryWrite(last);
            _outbox.Writer.TryComplete();
            try
            {
                await _sendLoop.WaitAsync(SendWait);
                await _receiveLoop.WaitAsync(BrokerCloseWait);
            }
            catch (Exception) { /* the socket is being closed anyway */ }
        }
        await DisposeAsync();
    }

    private static readonly TimeSpan SendWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan BrokerCloseWait = TimeSpan.FromSeconds(2);

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var packet in _outbox.Reader.ReadAllAsync(_stop.Token))
                await _client.SendAsync(packet, _stop.Token);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested) { }
        catch (Exception e) { End($"send failed: {e.Message}"); }
    }

    private async Task ReceiveLoopAsync(Action<MqttPacket> received)
    {
        try
        {
            while (true)
            {
                var packet = await _client.ReceiveAsync(_stop.Token);
                if (packet is null)
                {
                    End("the broker closed the connection");
                    return;
                }
                received(packet);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested) { }
        catch (Exception e) { End($"receive failed: {e.Message}"); }
    }

    private void End(string reason)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0) return;
        _outbox.Writer.TryComplete();
        _stop.Cancel();
        _lost?.Invoke(reason);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        Interlocked.Exchange(ref _ended, 1);
        _outbox.Writer.TryComplete();
        await _stop.CancelAsync();
        try { await _client.DisconnectAsync(CancellationToken.None); }
        catch (Exception) { /* already broken */ }
        _client.Dispose();
        _stop.Dispose();
    }
}
