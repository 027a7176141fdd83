using Conformance.Emulator.Platform;

namespace Conformance.Emulator.Tests.Support;

/// <summary>Starts the embedded broker or mosquitto behind one face: a loopback port.</summary>
internal sealed class TestBroker : IAsyncDisposable
{
    private readonly IAsyncDisposable _broker;

    private TestBroker(IAsyncDisposable broker, int port)
    {
        _broker = broker;
        Port = port;
    }

    public int Port { get; }

    public static async Task<TestBroker> StartAsync(BrokerKind kind)
    {
        if (kind == BrokerKind.Mosquitto)
        {
            var mosquitto = await MosquittoBroker.StartAsync();
            return new TestBroker(mosquitto, mosquitto.Port);
        }
        var embedded = await EmbeddedBroker.StartAsync();
        return new TestBroker(embedded, embedded.Port);
    }

    public ValueTask DisposeAsync() => _broker.DisposeAsync();
}
