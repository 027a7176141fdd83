using System.Net.Sockets;

namespace Conformance.Harness.Links;

/// <summary><c>tcp:HOST:PORT</c>: a module behind a serial-to-TCP bridge (ser2net) or <c>conformance emulate</c>.</summary>
public sealed class TcpLink(string host, int port) : ILink
{
    private TcpClient? _client;

    public string Target => $"tcp:{host}:{port}";

    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string> { Links.Capabilities.Network };

    /// <summary>Parses <c>HOST:PORT</c>.</summary>
    public static TcpLink Parse(string argument)
    {
        var colon = argument.LastIndexOf(':');
        if (colon <= 0) throw new LinkException($"tcp target '{argument}': expected HOST:PORT, e.g. tcp:127.0.0.1:5310");
        if (!int.TryParse(argument[(colon + 1)..], out var port) || port is < 1 or > 65535)
            throw new LinkException($"tcp target: port '{argument[(colon + 1)..]}' at character {colon + 6} must be 1..65535");
        return new TcpLink(argument[..colon], port);
    }

    public async Task<Stream> OpenAsync(CancellationToken cancel)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(host, port, cancel);
        }
        catch (SocketException e)
        {
            client.Dispose();
            throw new LinkException($"cannot connect to {host}:{port}: {e.Message}", e);
        }
        _client = client;
        return client.GetStream();
    }

    public ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return ValueTask.CompletedTask;
    }
}
