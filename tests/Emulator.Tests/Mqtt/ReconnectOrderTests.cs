using System.Net;
using System.Net.Sockets;
using Conformance.Emulator.Mqtt;
using Conformance.Emulator.Tests.Support;

namespace Conformance.Emulator.Tests.Mqtt;

/// <summary>
/// The module's DISC, DEL, CFG, OPEN comes within milliseconds, with the same client id. A broker still letting the
/// old connection go when the new CONNECT lands may end the new one as the old one's (MQTTnet's server does, now
/// and then: the module reported <c>+MQTTREC: 0</c> right after <c>+MQTTOPEN: OK</c>). Checked against a broker
/// written here that is slow to let go, so the order is what is tested, not a race's luck.
/// </summary>
public sealed class ReconnectOrderTests
{
    [Test]
    public async Task The_next_connect_waits_until_the_broker_has_closed_the_last_connection()
    {
        await using var broker = SlowReleaseBroker.Start(TimeSpan.FromMilliseconds(300));
        await using var backEnd = new MqttBackEnd();
        var request = new MqttConnectRequest("127.0.0.1", broker.Port, "4069959");

        Assert.That((await backEnd.ConnectAsync(request).WaitAsync(Waiting.Timeout)).Accepted, Is.True);
        await backEnd.DisconnectAsync().WaitAsync(Waiting.Timeout);
        Assert.That((await backEnd.ConnectAsync(request).WaitAsync(Waiting.Timeout)).Accepted, Is.True);

        Assert.That(broker.Connects, Is.EqualTo(2));
        Assert.That(broker.ConnectsWhileReleasing, Is.Zero, "a CONNECT came while the broker still held the last connection");
    }

    [Test]
    public async Task A_broker_that_never_closes_after_disconnect_delays_the_next_connect_only_briefly()
    {
        await using var broker = SlowReleaseBroker.Start(Timeout.InfiniteTimeSpan);
        await using var backEnd = new MqttBackEnd();
        var request = new MqttConnectRequest("127.0.0.1", broker.Port, "4069959");

        Assert.That((await backEnd.ConnectAsync(request).WaitAsync(Waiting.Timeout)).Accepted, Is.True);
        await backEnd.DisconnectAsync().WaitAsync(Waiting.Timeout);
        Assert.That((await backEnd.ConnectAsync(request).WaitAsync(Waiting.Timeout)).Accepted, Is.True, "the module gave up waiting and connected");
    }

    /// <summary>
    /// A minimal MQTT 3.1.1 broker: CONNACK for every CONNECT; after DISCONNECT it holds the connection for a while
    /// (or for good) before closing it, and counts CONNECTs that arrive meanwhile.
    /// </summary>
    private sealed class SlowReleaseBroker : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly TimeSpan _release;
        private readonly CancellationTokenSource _stop = new();
        private readonly List<TcpClient> _clients = [];
        private int _releasing, _connects, _connectsWhileReleasing;

        private SlowReleaseBroker(TimeSpan release) => _release = release;

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
        public int Connects => Volatile.Read(ref _connects);
        public int ConnectsWhileReleasing => Volatile.Read(ref _connectsWhileReleasing);

        public static SlowReleaseBroker Start(TimeSpan release)
        {
            var broker = new SlowReleaseBroker(release);
            broker._listener.Start();
            _ = broker.AcceptAsync();
            return broker;
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    lock (_clients) _clients.Add(client);
                    _ = ServeAsync(client);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { }
        }

        private async Task ServeAsync(TcpClient client)
        {
            var stream = client.GetStream();
            try
            {
                while (await ReadPacketAsync(stream) is { } type)
                {
                    if (type == 0x10)
                    {
                        Interlocked.Increment(ref _connects);
                        if (Volatile.Read(ref _releasing) > 0) Interlocked.Increment(ref _connectsWhileReleasing);
                        await stream.WriteAsync(new byte[] { 0x20, 0x02, 0x00, 0x00 }, _stop.Token);
                    }
                    else if (type == 0xE0)
                    {
                        Interlocked.Increment(ref _releasing);
                        if (_release == Timeout.InfiniteTimeSpan) return;   // never closes; disposal does
                        await Task.Delay(_release, _stop.Token);
                        Interlocked.Decrement(ref _releasing);
                        client.Dispose();
                        return;
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException) { }
        }

        /// <summary>Reads one packet; returns its type byte with the flags cleared, null at the end of the stream.</summary>
        private async Task<int?> ReadPacketAsync(NetworkStream stream)
        {
            var one = new byte[1];
            if (await stream.ReadAsync(one, _stop.Token) == 0) return null;
            var type = one[0] & 0xF0;
            int length = 0, shift = 0;
            do
            {
                if (await stream.ReadAsync(one, _stop.Token) == 0) return null;
                length |= (one[0] & 0x7F) << shift;
                shift += 7;
            } while ((one[0] & 0x80) != 0);
            await stream.ReadExactlyAsync(new byte[length], _stop.Token);
            return type;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            lock (_clients) foreach (var client in _clients) client.Dispose();
        }
    }
}
