using System.Diagnostics;
using System.Threading.Channels;
using Conformance.Protocol.Tracing;

namespace Conformance.Tap;

/// <summary>
/// Moves bytes between the host's port and the module's, one pump per direction: each read is queued for the
/// observer (a copy, never a wait) and forwarded at once; the observer records it on its own task, so recording never
/// delays the traffic. Queued before it is forwarded, a command is always recorded before the answer it provokes.
/// In listen-only mode (a Y-cable) nothing is ever written to either port.
/// </summary>
public static class Relay
{
    private const int BufferSize = 4096;

    /// <summary>
    /// Relays until <paramref name="stop"/> or until a port closes or fails, then closes both streams and completes
    /// <paramref name="observed"/>.
    /// </summary>
    /// <param name="forwarded">Hears, per read, how long forwarding it took: from the read's return until the other port took the bytes.</param>
    public static async Task<TapEnd> RunAsync(Stream host, Stream module, bool listenOnly, ChannelWriter<TapChunk> observed, Action<TimeSpan> forwarded,
        TimeProvider time, CancellationToken stop)
    {
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var pumps = new[]
        {
            PumpAsync(host, listenOnly ? null : module, TraceDirection.ToModule, ("host", "module"), observed, forwarded, time, ending.Token),
            PumpAsync(module, listenOnly ? null : host, TraceDirection.FromModule, ("module", "host"), observed, forwarded, time, ending.Token),
        };
        var firstEnded = Task.WhenAny(pumps);
        await Task.WhenAny(firstEnded, Task.Delay(Timeout.Infinite, stop));
        await ending.CancelAsync();
        // Not every port gives up a pending read when cancelled (a serial port on Linux does not): closing it does.
        await host.DisposeAsync();
        await module.DisposeAsync();
        var ends = await Task.WhenAll(pumps);
        observed.TryComplete();
        // The side that ended first is why the tap ended; the other one only followed.
        return await await firstEnded ?? ends.FirstOrDefault(e => e is not null) ?? TapEnd.Stopped;
    }

    /// <summary>Reads one side until it ends; null when stopped from outside.</summary>
    private static async Task<TapEnd?> PumpAsync(Stream from, Stream? to, TraceDirection direction, (string From, string To) sides,
        ChannelWriter<TapChunk> observed, Action<TimeSpan> forwarded, TimeProvider time, CancellationToken stop)
    {
        var buffer = new byte[BufferSize];
        while (true)
        {
            int read;
            try
            {
                read = await from.ReadAsync(buffer, stop);
            }
            catch (Exception e) when (stop.IsCancellationRequested && e is OperationCanceledException or IOException or ObjectDisposedException)
            {
                return null;
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or UnauthorizedAccessException)
            {
                return new TapEnd($"{sides.From} port failed: {e.Message}", true);
            }
            if (read == 0) return stop.IsCancellationRequested ? null : new TapEnd($"{sides.From} port closed", true);
            var started = Stopwatch.GetTimestamp();
            // What was read is recorded even when it cannot be delivered: the trace shows what the side sent.
            observed.TryWrite(new TapChunk(direction, time.GetUtcNow(), buffer[..read]));
            if (to is null) continue;
            try
            {
                await to.WriteAsync(buffer.AsMemory(0, read), CancellationToken.None);
                await to.FlushAsync(CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or UnauthorizedAccessException)
            {
                return new TapEnd($"{sides.To} port failed: {e.Message}", true);
            }
            forwarded(Stopwatch.GetElapsedTime(started));
        }
    }
}
