using System.Net;
using Conformance.Emulator.Endpoints;
using Conformance.Emulator.Faults;
using Conformance.Emulator.Modem;
using Conformance.Emulator.Platform;

namespace Conformance.Emulator.Hosting;

/// <summary>
/// A virtual M5310-A ready to use: the module, a broker (the embedded OneNET-like platform unless one is given)
/// and a <see cref="FaultProxy"/> in front of it, so every fault works with any loopback broker.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly FaultProxy? _proxy;

    private EmulatorHost(VirtualModule module, OneNetPlatform? platform, FaultProxy? proxy, DnsEndPoint broker)
    {
        Module = module;
        Platform = platform;
        _proxy = proxy;
        Broker = broker;
    }

    public VirtualModule Module { get; }

    /// <summary>The proxy every connection goes through; null for a broker off this machine.</summary>
    public FaultProxy? Proxy => _proxy;

    public EmulatorFaults Faults => Module.Faults;

    /// <summary>The embedded platform, or null when an outside broker is used.</summary>
    public OneNetPlatform? Platform { get; }

    /// <summary>The broker every configured host:port leads to (unless <see cref="EmulatorOptions.HostMap"/> says otherwise).</summary>
    public DnsEndPoint Broker { get; }

    /// <summary>
    /// Starts the module against <paramref name="broker"/>, or against a new embedded platform when null.
    /// Broker-side faults need a loopback broker; others are reached directly.
    /// </summary>
    public static async Task<EmulatorHost> StartAsync(EmulatorOptions? options = null, DnsEndPoint? broker = null)
    {
        options ??= new EmulatorOptions();
        options.Validate();
        var platform = broker is null ? await OneNetPlatform.StartAsync(time: options.TimeProvider) : null;
        broker ??= new DnsEndPoint(platform!.Host, platform.Port);
        var loopback = Loopback(broker.Host);
        var proxy = loopback is null ? null : FaultProxy.Start(broker.Port, loopback);
        var target = proxy is null ? broker : new DnsEndPoint(proxy.Host, proxy.Port);
        var module = new VirtualModule(options with { DefaultBroker = target }, new EmulatorFaults(proxy));
        return new EmulatorHost(module, platform, proxy, broker);
    }

    /// <summary>A duplex stream on the module's AT port, read and written like a serial port.</summary>
    public ModuleStream OpenStream() => new(Module);

    private static string? Loopback(string host)
    {
        if (host == "localhost") return "127.0.0.1";
        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address) ? host : null;
    }

    public async ValueTask DisposeAsync()
    {
        await Module.DisposeAsync();
        if (_proxy is not null) await _proxy.DisposeAsync();
        if (Platform is not null) await Platform.DisposeAsync();
    }
}
