using System.Net;
using System.Net.Sockets;
using System.Text;
using Conformance.Emulator.Endpoints;
using Conformance.Emulator.Logging;
using Conformance.Emulator.Modem;
using Conformance.Emulator.Platform;

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

    private readonly VirtualModule _module;
    private readonly ControlCommands _commands;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly TcpAcceptor _acceptor;

    private ControlServer(VirtualModule module, IPEndPoint? endPoint, OneNetPlatform? platform)
    {
        _module = module;
        _commands = new ControlCommands(module, platform);
        _acceptor = TcpAcceptor.Start(endPoint, ServeAsync);
    }

    public IPEndPoint EndPoint => _acceptor.EndPoint;

    /// <summary>Starts listening; port 0 picks a free one. Throws <see cref="SocketException"/> when the port is taken.</summary>
    /// <remarks><paramref name="platform"/>, the embedded broker when the module uses it, is what <c>grant</c> switches.</remarks>
    public static ControlServer Start(VirtualModule module, IPEndPoint? endPoint = null, OneNetPlatform? platform = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        return new ControlServer(module, endPoint, platform);
    }

    private async Task ServeAsync(TcpClient client, CancellationToken stop)
    {
        var name = $"control client {client.Client.RemoteEndPoint}";
        _module.Log(EmulatorLogLevel.Info, $"{name} connected");
        var stream = client.GetStream();
        var lines = new LineAssembler(MaxLineLength);
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, stop)) > 0)
            {
                var received = new List<string?>();
                lines.Feed(buffer.AsSpan(0, read), line => received.Add(Encoding.UTF8.GetString(line)), () => received.Add(null));
                foreach (var line in received)
                {
                    var answer = line is null
                        ? $"error: line longer than {MaxLineLength} bytes; nothing done"
                        : await ExecuteAsync(name, line, stop);
                    if (answer is not null) await stream.WriteAsync(Encoding.UTF8.GetBytes(answer + "\n"), stop);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The client or the emulator went away.
        }
        _module.Log(EmulatorLogLevel.Info, $"{name} disconnected");
    }

    private async Task<string?> ExecuteAsync(string client, string line, CancellationToken stop)
    {
        await _oneAtATime.WaitAsync(stop);
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
        await _acceptor.DisposeAsync();
        _oneAtATime.Dispose();
    }
}
