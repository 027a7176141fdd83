using System.Net;
using System.Net.Sockets;

namespace Conformance.Emulator.Endpoints;

/// <summary>
/// A TCP listener that serves each client it accepts with a handler of its own, concurrently, until disposed;
/// disposing stops listening and waits for every handler to end (their token is cancelled).
/// </summary>
internal sealed class TcpAcceptor : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<TcpClient, CancellationToken, Task> _serve;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _clients = [];
    private readonly Task _accepting;

    private TcpAcceptor(TcpListener listener, Func<TcpClient, CancellationToken, Task> serve)
    {
        _listener = listener;
        _serve = serve;
        _accepting = AcceptAsync();
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>Starts listening (127.0.0.1 and a free port when null). Throws <see cref="SocketException"/> when the port is taken.</summary>
    public static TcpAcceptor Start(IPEndPoint? endPoint, Func<TcpClient, CancellationToken, Task> serve)
    {
        var listener = new TcpListener(endPoint ?? new IPEndPoint(IPAddress.Loopback, 0));
        listener.Start();
        return new TcpAcceptor(listener, serve);
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                client.NoDelay = true;
                lock (_clients) _clients.Add(ServeAsync(client));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
        catch (InvalidOperationException) when (_stop.IsCancellationRequested)
        {
            // Stopped between two accepts: the listener says "not listening" before it looks at the token.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client) await _serve(client, _stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] clients;
        lock (_clients) clients = [.. _clients];
        await Task.WhenAll(clients);
        _stop.Dispose();
    }
}
