using Conformance.Emulator.Modem;

namespace Conformance.Emulator.Endpoints;

/// <summary>
/// Serves a module's AT port on a Linux pseudo-terminal: open <see cref="Path"/> with picocom, System.IO.Ports or
/// any serial tool (the baud rate is ignored).
/// </summary>
public sealed class PtyEndpoint : IDisposable
{
    private readonly PseudoTerminal _terminal;
    private readonly VirtualModule _module;
    private readonly Thread _reader;
    private volatile bool _stopping;

    private PtyEndpoint(PseudoTerminal terminal, VirtualModule module)
    {
        _terminal = terminal;
        _module = module;
        _module.OutputWritten += OnOutput;
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "pty " + terminal.SlavePath };
        _reader.Start();
    }

    /// <summary>The slave device, e.g. <c>/dev/pts/7</c>.</summary>
    public string Path => _terminal.SlavePath;

    /// <summary>Opens a pseudo-terminal; throws <see cref="PlatformNotSupportedException"/> off Linux.</summary>
    public static PtyEndpoint Start(VirtualModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return new PtyEndpoint(PseudoTerminal.Open(), module);
    }

    private void ReadLoop()
    {
        var buffer = new byte[4096];
        try
        {
            while (!_stopping)
            {
                // A short poll lets Dispose stop the loop without closing the fd under a blocked read.
                var read = _terminal.Read(buffer, 100);
                if (read > 0) _module.Write(buffer.AsSpan(0, read));
            }
        }
        catch (IOException) when (_stopping)
        {
        }
    }

    private void OnOutput(object? sender, byte[] bytes) => _terminal.Write(bytes);

    public void Dispose()
    {
        _module.OutputWritten -= OnOutput;
        _stopping = true;
        _reader.Join(TimeSpan.FromSeconds(2));
        _terminal.Dispose();
    }
}
