using System.Net;
using System.Net.Sockets;

namespace Conformance.Cli.Tests;

/// <summary>A module on TCP that accepts the connection and then never says a word, as a hung firmware does.</summary>
public sealed class FrozenModule : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _clients = [];
    private readonly Task _accepting;

    public FrozenModule()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Target => $"tcp:127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync();
                lock (_clients) _clients.Add(client);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _accepting.Wait(TimeSpan.FromSeconds(5));
        lock (_clients) foreach (var client in _clients) client.Dispose();
    }
}
