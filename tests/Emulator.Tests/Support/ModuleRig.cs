using System.Collections.Concurrent;
using Conformance.Emulator.Faults;
using Conformance.Emulator.Mqtt;

namespace Conformance.Emulator.Tests.Support;

/// <summary>The module's back end talking to a broker through a fault proxy that also shows the real packets.</summary>
internal sealed class ModuleRig : IAsyncDisposable
{
    private readonly ConcurrentQueue<MqttFrame> _frames = new();

    private ModuleRig(int brokerPort)
    {
        Proxy = FaultProxy.Start(brokerPort);
        Proxy.FrameForwarded += (_, frame) => _frames.Enqueue(frame);
        BackEnd.EventReceived += Events.Add;
    }

    public MqttBackEnd BackEnd { get; } = new();

    public FaultProxy Proxy { get; }

    public Recorder<MqttEvent> Events { get; } = new();

    public string ClientId { get; } = "dev" + Guid.NewGuid().ToString("N")[..8];

    public MqttConnectRequest Request => new("127.0.0.1", Proxy.Port, ClientId, KeepAliveSeconds: 120);

    /// <summary>Packets that went through the proxy, in the order it forwarded them.</summary>
    public IReadOnlyList<MqttFrame> Frames => [.. _frames];

    public static async Task<ModuleRig> ConnectAsync(int brokerPort)
    {
        var rig = new ModuleRig(brokerPort);
        var result = await rig.BackEnd.ConnectAsync(rig.Request).WaitAsync(Waiting.Timeout);
        Assert.That(result.Accepted, Is.True, result.ToString());
        return rig;
    }

    public static ModuleRig Disconnected(int brokerPort) => new(brokerPort);

    /// <summary>The id the wire carried for the packet of <paramref name="type"/> going <paramref name="direction"/>.</summary>
    public ushort? WireId(FrameDirection direction, MqttPacketType type) =>
        Frames.LastOrDefault(f => f.Direction == direction && f.Type == type)?.PacketId;

    public async ValueTask DisposeAsync()
    {
        await BackEnd.DisposeAsync();
        await Proxy.DisposeAsync();
    }
}
