using Conformance.Emulator.Hosting;
using Conformance.Emulator.Modem;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Links;

/// <summary>
/// <c>emulator[:manual|field]</c>: the virtual M5310-A in this process, with the embedded OneNET-like broker
/// behind it. The default target: it needs no hardware, and it can provoke what a real module only does on a
/// bad day (the broker stops answering, ACKs come late), so every scenario can run.
/// </summary>
public sealed class EmulatorLink(Dialect dialect, TimeProvider time) : ILink
{
    private EmulatorHost? _host;

    public Dialect Dialect => dialect;

    public string Target => dialect == Dialect.Manual ? "emulator" : "emulator:field";

    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string>
    {
        Links.Capabilities.Network, Links.Capabilities.BrokerControl, Links.Capabilities.BrokerView,
    };

    /// <summary>The running emulator, its faults and its platform; null until opened.</summary>
    public EmulatorHost? Host => _host;

    /// <summary>Parses the optional dialect after <c>emulator:</c>; without one the settings' dialect is used.</summary>
    public static EmulatorLink Parse(string argument, LinkSettings settings) => argument.ToLowerInvariant() switch
    {
        "" => new EmulatorLink(settings.Dialect, settings.Time),
        "manual" => new EmulatorLink(Dialect.Manual, settings.Time),
        "field" => new EmulatorLink(Dialect.Field, settings.Time),
        _ => throw new LinkException($"emulator target: unknown dialect '{argument}': expected emulator, emulator:manual or emulator:field"),
    };

    public async Task<Stream> OpenAsync(CancellationToken cancel)
    {
        _host = await EmulatorHost.StartAsync(new EmulatorOptions { Dialect = dialect, TimeProvider = time });
        return _host.OpenStream();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }
}
