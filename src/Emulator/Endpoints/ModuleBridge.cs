using Conformance.Emulator.Logging;
using Conformance.Emulator.Modem;

namespace Conformance.Emulator.Endpoints;

/// <summary>Connects a byte transport (a TCP connection, a pseudo-terminal) to a module until either side ends.</summary>
internal static class ModuleBridge
{
    /// <summary>Bridges until either side ends; <paramref name="client"/> names the other side in the log, e.g. <c>tcp client 127.0.0.1:40522</c>.</summary>
    public static async Task RunAsync(Stream transport, VirtualModule module, string client, CancellationToken cancellationToken)
    {
        module.Log(EmulatorLogLevel.Info, $"{client} connected");
        await using var port = new ModuleStream(module);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, port.CutOff);
        var hostToModule = Copy(transport, port, stop.Token);
        var moduleToHost = Copy(port, transport, stop.Token);
        await Task.WhenAny(hostToModule, moduleToHost);
        await stop.CancelAsync();
        await Task.WhenAll(hostToModule, moduleToHost);
        if (port.Overrun)
            module.Log(EmulatorLogLevel.Warn, $"{client} disconnected: it left more than {module.Options.MaxUnreadOutput} bytes of module output unread");
        else
            module.Log(EmulatorLogLevel.Info, $"{client} disconnected");
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
        // A serial port whose adapter was unplugged refuses writes with InvalidOperationException.
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The other side went away; the bridge ends.
        }
    }
}
