using System.Net.Sockets;

namespace Conformance.Emulator.Faults;

/// <summary>One module connection through the <see cref="FaultProxy"/>: two pumps that forward whole packets.</summary>
internal sealed class ProxiedConnection : IAsyncDisposable
{
    private readonly TcpClient _client, _broker;
    private readonly FaultProxy _proxy;
    private readonly SemaphoreSlim _clientWrite = new(1, 1);
    private readonly List<MqttFrame> _held = [];
    private readonly CancellationTokenSource _stop = new();
    private int _disposed;

    public ProxiedConnection(TcpClient client, TcpClient broker, FaultProxy proxy)
    {
        _client = client;
        _broker = broker;
        _proxy = proxy;
    }

    /// <summary>Completes when either side closed.</summary>
    public Task RunAsync() => Task.WhenAny(
        PumpAsync(_client.GetStream(), FrameDirection.ToBroker),
        PumpAsync(_broker.GetStream(), FrameDirection.ToClient));

    /// <summary>Delivers, in arrival order, the held frames of <paramref name="type"/>.</summary>
    public async Task ReleaseAsync(MqttPacketType type)
    {
        List<MqttFrame> released;
        lock (_held)
        {
            released = _held.Where(f => f.Type == type).ToList();
            _held.RemoveAll(f => f.Type == type);
        }
        try
        {
            foreach (var frame in released) await WriteToClientAsync(frame);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // The client gave up on this connection while its frames were held: they have nobody to go to.
        }
    }

    private async Task PumpAsync(NetworkStream from, FrameDirection direction)
    {
        var decoder = new MqttFrameDecoder();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
                foreach (var bytes in decoder.Feed(buffer.AsSpan(0, read)))
                    await ForwardAsync(new MqttFrame(direction, bytes));
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or InvalidDataException or SocketException)
        {
            // Either side went away or spoke something that is not MQTT: the connection ends.
        }
    }

    private async Task ForwardAsync(MqttFrame frame)
    {
        if (frame.Direction == FrameDirection.ToBroker)
        {
            if (_proxy.RewriteToBroker is { } rewrite)
            {
                if (rewrite(frame) is not { } rewritten)
                {
                    // A frame the rewrite drops is never sent: the broker gets nothing, and nothing is reported. A
                    // firmware that skips DISCONNECT still closes its socket: the broker sees the link lost.
                    if (frame.Type == MqttPacketType.Disconnect) await DisposeAsync();
                    return;
                }
                frame = rewritten;
            }
            _proxy.Report(frame);
            await _broker.GetStream().WriteAsync(frame.Bytes, _stop.Token);
            return;
        }
        if (_proxy.RewriteToModule is { } misread)
        {
            if (misread(frame) is not { } read) return;
            frame = read;
        }
        switch (_proxy.Decide(frame))
        {
            case FaultProxy.Verdict.Forward:
                await WriteToClientAsync(frame);
                break;
            case FaultProxy.Verdict.Hold:
                lock (_held) _held.Add(frame);
                _proxy.ReportHeld(frame);
                break;
        }
    }

    private async Task WriteToClientAsync(MqttFrame frame)
    {
        await _clientWrite.WaitAsync(_stop.Token);
        try
        {
            _proxy.Report(frame);
            await _client.GetStream().WriteAsync(frame.Bytes, _stop.Token);
        }
        finally { _clientWrite.Release(); }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _stop.CancelAsync();
        // Linger 0 sends RST: the module sees the connection drop at once, like a broken link.
        _client.Client.LingerState = new LingerOption(true, 0);
        _client.Dispose();
        _broker.Dispose();
    }
}
