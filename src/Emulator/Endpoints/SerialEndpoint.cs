using System.IO.Ports;
using Conformance.Emulator.Logging;
using Conformance.Emulator.Modem;

namespace Conformance.Emulator.Endpoints;

/// <summary>
/// Serves a module's AT port on a real UART (a USB-serial adapter, or a pseudo-terminal) through System.IO.Ports,
/// 8N1 without flow control like the M5310-A (spec §1). The modem-control lines (DTR, RTS, CD) are never touched:
/// the module has none wired, and their ioctls fail on a pseudo-terminal. When the port goes away (the adapter is
/// unplugged) the module keeps running, the log says so, and the port is reopened as soon as it is back.
/// </summary>
public sealed class SerialEndpoint : IAsyncDisposable
{
    /// <summary>How often a lost port is tried again.</summary>
    public static readonly TimeSpan DefaultRetryInterval = TimeSpan.FromSeconds(1);

    private readonly VirtualModule _module;
    private readonly TimeSpan _retry;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly Task _serving;
    private readonly HashSet<SerialPort> _closed = [];
    private SerialPort? _port;

    private SerialEndpoint(VirtualModule module, SerialAddress address, SerialPort port, TimeSpan retry)
    {
        _module = module;
        Address = address;
        _retry = retry;
        _port = port;
        _serving = ServeAsync(port);
    }

    public SerialAddress Address { get; }

    /// <summary>
    /// Opens the port and starts serving; an <see cref="IOException"/> says why the port cannot be opened
    /// (missing, not permitted, busy, a baud rate the adapter does not support).
    /// </summary>
    public static SerialEndpoint Start(VirtualModule module, SerialAddress address, TimeSpan? retryInterval = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(address);
        return new SerialEndpoint(module, address, Open(address), retryInterval ?? DefaultRetryInterval);
    }

    private static SerialPort Open(SerialAddress address)
    {
        // System.IO.Ports says "access denied" for a path that is not there: say what is really wrong.
        if (!OperatingSystem.IsWindows() && !File.Exists(address.Path))
            throw new IOException($"serial port {address.Path} does not exist (is the adapter plugged in?)");
        var port = new SerialPort(address.Path, address.BaudRate, Parity.None, 8, StopBits.One) { Handshake = Handshake.None };
        try
        {
            port.Open();
            // What the host sent before the module was there is not a command to it.
            port.DiscardInBuffer();
            return port;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException or InvalidOperationException or ArgumentException)
        {
            port.Dispose();
            throw new IOException($"cannot open serial port {address.Path} at {address.BaudRate} baud: {e.Message} (is it busy, not permitted, or the baud rate unsupported?)", e);
        }
    }

    private async Task ServeAsync(SerialPort first)
    {
        var name = $"serial port {Address.Path}";
        for (var port = first; port is not null; port = await ReopenAsync(name))
        {
            try { await ModuleBridge.RunAsync(port.BaseStream, _module, name, _stop.Token); }
            finally { Close(port); }
            if (_stop.IsCancellationRequested) return;
            _module.Log(EmulatorLogLevel.Warn, $"{name} lost (unplugged?); the module keeps running, waiting for the port to come back");
        }
    }

    /// <summary>Tries the port every retry interval until it opens again; null once stopped.</summary>
    private async Task<SerialPort?> ReopenAsync(string name)
    {
        while (true)
        {
            try { await Task.Delay(_retry, _stop.Token); }
            catch (OperationCanceledException) { return null; }
            try
            {
                var port = Open(Address);
                bool stopped;
                // Under the lock, so that DisposeAsync either sees this port or this loop sees the stop.
                lock (_gate)
                {
                    stopped = _stop.IsCancellationRequested;
                    if (!stopped) _port = port;
                }
                if (stopped)
                {
                    Close(port);
                    return null;
                }
                _module.Log(EmulatorLogLevel.Warn, $"{name} is back");
                return port;
            }
            catch (IOException)
            {
                // Not back yet.
            }
        }
    }

    /// <summary>Closes a port once, from whichever side comes first, without waiting for output nobody reads.</summary>
    private void Close(SerialPort port)
    {
        lock (_gate)
        {
            if (!_closed.Add(port)) return;
        }
        try
        {
            // SerialPort drains its output before closing: on a line nobody reads that would never end.
            if (port.IsOpen) port.DiscardOutBuffer();
            port.Dispose();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The device is already gone (unplugged).
        }
    }

    public async ValueTask DisposeAsync()
    {
        SerialPort? port;
        lock (_gate)
        {
            _stop.Cancel();
            port = _port;
        }
        // Closing the port ends a read that does not watch the cancellation.
        if (port is not null) Close(port);
        await _serving;
        _stop.Dispose();
    }
}
