using System.Net;
using System.Net.Sockets;
using Conformance.Emulator.Logging;
using Conformance.Emulator.Modem;

namespace Conformance.Emulator.Endpoints;

/// <summary>
/// Serves a module's AT port over TCP (like ser2net): every client talks to the same one module, raw bytes both
/// ways, with a command line of its own and every module byte (its answers, the others' answers, every URC). A client that stops reading is disconnected once it is
/// <see cref="EmulatorOptions.MaxUnreadOutput"/> bytes behind. Binds 127.0.0.1 unless told otherwise.
/// </summary>
public sealed class TcpEndpoint : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly VirtualModule _module;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _clients = [];
    private readonly Task _accepting;
    private int _connected;

    private TcpEndpoint(TcpListener listener, VirtualModule module)
    {
        _listener = listener;
        _module = module;
        _accepting = AcceptAsync();
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>Starts listening; port 0 picks a free one. Throws <see cref="SocketException"/> when the port is taken.</summary>
    public static TcpEndpoint Start(VirtualModule module, IPEndPoint? endPoint = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        var listener = new TcpListener(endPoint ?? new IPEndPoint(IPAddress.Loopback, 0));
        listener.Start();
        return new TcpEndpoint(listener, module);
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
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var name = $"tcp client {client.Client.RemoteEndPoint}";
            var sharing = Interlocked.Increment(ref _connected);
            if (sharing > 1) _module.Log(EmulatorLogLevel.Info, $"{name}: {sharing} tcp clients now share the one module; each sees every byte it sends");
            try { await ModuleBridge.RunAsync(client.GetStream(), _module, name, _stop.Token); }
            finally { Interlocked.Decrement(ref _connected); }
        }
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
