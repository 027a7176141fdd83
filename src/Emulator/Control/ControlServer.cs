using System.Net;
using System.Net.Sockets;
using System.Text;
using Conformance.Emulator.Logging;
using Conformance.Emulator.Modem;

namespace Conformance.Emulator.Control;

/// <summary>
/// The control channel on TCP (<c>--control tcp:HOST:PORT</c>): any number of clients, one <see cref="ControlCommands"/>
/// line in, one answer line out (ended by LF), carried out one at a time in arrival order. Binds 127.0.0.1 unless
/// told otherwise: whoever reaches it can break the module's connection.
/// </summary>
public sealed class ControlServer : IAsyncDisposable
{
    /// <summary>The longest control line; a longer one is answered with an error and not carried out.</summary>
    public const int MaxLineLength = 1024;

    private readonly TcpListener _listener;
    private readonly VirtualModule _module;
    private readonly ControlCommands _commands;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _clients = [];
    private readonly Task _accepting;

    private ControlServer(TcpListener listener, VirtualModule module)
    {
        _listener = listener;
        _module = module;
        _commands = new ControlCommands(module);
        _accepting = AcceptAsync();
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>Starts listening; port 0 picks a free one. Throws <see cref="SocketException"/> when the port is taken.</summary>
    public static ControlServer Start(VirtualModule module, IPEndPoint? endPoint = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        var listener = new TcpListener(endPoint ?? new IPEndPoint(IPAddress.Loopback, 0));
        listener.Start();
        return new ControlServer(listener, module);
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
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
            var name = $"control client {client.Client.RemoteEndPoint}";
            _module.Log(EmulatorLogLevel.Info, $"{name} connected");
            var stream = client.GetStream();
            var lines = new Modem.LineAssembler(MaxLineLength);
            var buffer = new byte[4096];
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer, _stop.Token)) > 0)
                {
                    var received = new List<string?>();
                    lines.Feed(buffer.AsSpan(0, read), line => received.Add(Encoding.UTF8.GetString(line)), () => received.Add(null));
                    foreach (var line in received)
                    {
                        var answer = line is null
                            ? $"error: line longer than {MaxLineLength} bytes; nothing done"
                            : await ExecuteAsync(name, line);
                        if (answer is not null) await stream.WriteAsync(Encoding.UTF8.GetBytes(answer + "\n"), _stop.Token);
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
            {
                // The client or the emulator went away.
            }
            _module.Log(EmulatorLogLevel.Info, $"{name} disconnected");
        }
    }

    private async Task<string?> ExecuteAsync(string client, string line)
    {
        await _oneAtATime.WaitAsync(_stop.Token);
        try
        {
            var answer = await _commands.ExecuteAsync(line);
            if (answer is not null) _module.Log(answer.StartsWith("ok", StringComparison.Ordinal) ? EmulatorLogLevel.Info : EmulatorLogLevel.Warn, $"{client}: {line} → {answer}");
            return answer;
        }
        finally
        {
            _oneAtATime.Release();
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
        _oneAtATime.Dispose();
    }
}
