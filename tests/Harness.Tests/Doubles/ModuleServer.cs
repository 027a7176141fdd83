using System.Net;
using System.Net.Sockets;

namespace Conformance.Harness.Tests.Doubles;

/// <summary>A <see cref="FakeModule"/> behind a real TCP listener on the loopback interface, like ser2net would put a module.</summary>
public sealed class ModuleServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    public ModuleServer(Func<FakeModule> module)
    {
        _listener.Start();
        _serving = ServeAsync(module);
    }

    public string Target => $"tcp:127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    private async Task ServeAsync(Func<FakeModule> module)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                client.NoDelay = true;
                await using var stream = client.GetStream();
                try { await module().ServeAsync(stream, _stop.Token); }
                catch (IOException) { /* the harness hung up */ }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
