using Conformance.Emulator.Modem;

namespace Conformance.Emulator.Endpoints;

/// <summary>Connects a byte transport (a TCP connection, a pseudo-terminal) to a module until either side ends.</summary>
internal static class ModuleBridge
{
    public static async Task RunAsync(Stream transport, VirtualModule module, CancellationToken cancellationToken)
    {
        await using var port = new ModuleStream(module);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var hostToModule = Copy(transport, port, stop.Token);
        var moduleToHost = Copy(port, transport, stop.Token);
        await Task.WhenAny(hostToModule, moduleToHost);
        await stop.CancelAsync();
        await Task.WhenAll(hostToModule, moduleToHost);
    }

    private static async Task Copy(Stream from, Stream to, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                await to.FlushAsync(cancellationToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The other side went away; the bridge ends.
        }
    }
}
