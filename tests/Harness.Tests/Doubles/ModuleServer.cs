using System.Net;
using System.Net.Sockets;
using Conformance.Protocol.Tracing;

namespace Conformance.Harness.Tests.Doubles;

/// <summary>A module double behind a real TCP listener on the loopback interface, like ser2net would put a module.</summary>
public sealed class ModuleServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<IModuleDouble> _served = [];
    private readonly Task _serving;

    public ModuleServer(Func<IModuleDouble> module)
    {
        _listener.Start();
        _serving = ServeAsync(module);
    }

    public string Target => $"tcp:127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>
    /// True while something is on its way between the host and the modules served: a line the host sent (as its
    /// trace shows) that no module has answered yet, a late answer that is due, or module lines the host has not read.
    /// </summary>
    public bool InFlight(IReadOnlyList<TraceRecord> trace)
    {
        lock (_served) return InFlight(_served, trace);
    }

    /// <summary>The same for <paramref name="served"/>, modules served over any stream (a pseudo-terminal).</summary>
    public static bool InFlight(IReadOnlyCollection<IModuleDouble> served, IReadOnlyList<TraceRecord> trace)
    {
        long sent = 0, received = 0;
        foreach (var record in trace)
        {
            if (record.Direction == TraceDirection.ToModule) sent += record.Data.AsSpan().Count((byte)'\n');
            else if (record.Direction == TraceDirection.FromModule) received += record.Data.AsSpan().Count((byte)'\n');
        }
        return served.Sum(m => m.LineEndsAnswered) != sent || served.Sum(m => m.LineEndsWritten) != received
            || served.Any(m => m.OwesLateAnswer);
    }

    private async Task ServeAsync(Func<IModuleDouble> module)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                client.NoDelay = true;
                await using var stream = client.GetStream();
                var served = module();
                lock (_served)
                    if (!_served.Contains(served)) _served.Add(served);
                try { await served.ServeAsync(stream, _stop.Token); }
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
