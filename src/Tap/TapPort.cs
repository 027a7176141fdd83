using Conformance.Emulator.Endpoints;
using Conformance.Harness.Links;
using Conformance.Protocol.Secrets;

namespace Conformance.Tap;

/// <summary>
/// One side of the tap as the user names it: <c>serial:PATH[,BAUD]</c>, <c>tcp:HOST:PORT</c> (connected to) or
/// <c>pty</c> (a new pseudo-terminal the other party opens). Serial and TCP are opened as the harness opens its targets.
/// </summary>
public sealed class TapPort : IAsyncDisposable
{
    private readonly ILink? _link;
    private PtyStream? _pty;

    private TapPort(string name, ILink? link)
    {
        Name = name;
        _link = link;
    }

    /// <summary>The port as given, normalised (<c>serial:/dev/ttyUSB0,9600</c>); for a pty its path once opened.</summary>
    public string Name { get; private set; }

    /// <summary>The pseudo-terminal's path (<c>/dev/pts/7</c>) for a <c>pty</c> port once opened; null otherwise.</summary>
    public string? PtyPath => _pty?.Path;

    /// <summary>Parses a port; throws <see cref="LinkException"/> saying what is wrong.</summary>
    public static TapPort Parse(string text)
    {
        if (text == "pty") return new TapPort("pty", null);
        var colon = text.IndexOf(':');
        var scheme = colon < 0 ? text : text[..colon];
        var argument = colon < 0 ? "" : text[(colon + 1)..];
        ILink link = scheme switch
        {
            "serial" => SerialLink.Parse(argument, new LinkSettings(TimeProvider.System, SecretMasker.Shown)),
            "tcp" => TcpLink.Parse(argument),
            _ => throw new LinkException($"unknown port '{text}': expected serial:PATH[,BAUD], tcp:HOST:PORT or pty"),
        };
        return new TapPort(link.Target, link);
    }

    /// <summary>Opens the port; throws <see cref="LinkException"/> when it cannot (missing, busy, nothing listening).</summary>
    public async Task<Stream> OpenAsync(CancellationToken cancel)
    {
        if (_link is not null) return await _link.OpenAsync(cancel);
        try
        {
            _pty = PtyStream.Open();
        }
        catch (Exception e) when (e is PlatformNotSupportedException or IOException)
        {
            throw new LinkException($"cannot open a pseudo-terminal: {e.Message}", e);
        }
        Name = $"pty:{_pty.Path}";
        return _pty;
    }

    public async ValueTask DisposeAsync()
    {
        if (_link is not null) await _link.DisposeAsync();
        if (_pty is not null) await _pty.DisposeAsync();
    }
}
