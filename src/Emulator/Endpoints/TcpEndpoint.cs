using System.Net;
using System.Net.Sockets;
using Conformance.Emulator.Logging;
using Conformance.Emulator.Modem;

namespace Conformance.Emulator.Endpoints;

/// <summary>
/// Serves a module's AT port over TCP (like ser2net): every client talks to the same one module, raw bytes both
/// ways, with a command line of its own and every module byte (its answers, the others' answers, every URC).
/// A client that stops reading is disconnected once it is <see cref="EmulatorOptions.MaxUnreadOutput"/> bytes
/// behind. Binds 127.0.0.1 unless told otherwise.
/// </summary>
public sealed class TcpEndpoint : IAsyncDisposable
{
    private readonly VirtualModule _module;
    private readonly TcpAcceptor _acceptor;
    private int _connected;

    private TcpEndpoint(VirtualModule module, IPEndPoint? endPoint)
    {
        _module = module;
        _acceptor = TcpAcceptor.Start(endPoint, ServeAsync);
    }

    public IPEndPoint EndPoint => _acceptor.EndPoint;

    /// <summary>Starts listening; port 0 picks a free one. Throws <see cref="SocketException"/> when the port is taken.</summary>
    public static TcpEndpoint Start(VirtualModule module, IPEndPoint? endPoint = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        return new TcpEndpoint(module, endPoint);
    }

    private async Task ServeAsync(TcpClient client, CancellationToken stop)
    {
        var name = $"tcp client {client.Client.RemoteEndPoint}";
        var sharing = Interlocked.Increment(ref _connected);
        if (sharing > 1) _module.Log(EmulatorLogLevel.Info, $"{name}: {sharing} tcp clients now share the one module; each sees every byte it sends");
        try { await ModuleBridge.RunAsync(client.GetStream(), _module, name, stop); }
        finally { Interlocked.Decrement(ref _connected); }
    }

    public ValueTask DisposeAsync() => _acceptor.DisposeAsync();
}
