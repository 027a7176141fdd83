using System.IO.Ports;

namespace Conformance.Harness.Links;

/// <summary><c>serial:PATH[,BAUD]</c>: a UART, 9600 baud 8N1 unless told otherwise (spec §1).</summary>
public sealed class SerialLink(string path, int baudRate, SerialSettings settings) : ILink
{
    private SerialPort? _port;

    public string Target => $"serial:{path},{baudRate}";

    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string> { Links.Capabilities.Network };

    /// <summary>Parses <c>PATH[,BAUD]</c>, as <c>emulate --serial</c> does.</summary>
    public static SerialLink Parse(string argument, LinkSettings settings)
    {
        try
        {
            var address = Emulator.Endpoints.SerialAddress.Parse(argument, prefix: "serial:");
            return new SerialLink(address.Path, address.BaudRate, settings.Serial ?? new SerialSettings());
        }
        catch (FormatException e)
        {
            throw new LinkException($"serial target: {e.Message}");
        }
    }

    public Task<Stream> OpenAsync(CancellationToken cancel)
    {
        if (!OperatingSystem.IsWindows() && !File.Exists(path))
            throw new LinkException($"serial port {path} does not exist (is the module plugged in?)");
        var port = new SerialPort(path, baudRate, settings.Parity, settings.DataBits, settings.StopBits) { Handshake = settings.Handshake };
        try
        {
            port.Open();
            // Whatever the module said before we opened the port (boot banner, answers to another host) is not
            // an answer to our first command.
            port.DiscardInBuffer();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException or InvalidOperationException or ArgumentException)
        {
            port.Dispose();
            throw new LinkException($"cannot open serial port {path}: {e.Message} (is it busy or not permitted?)", e);
        }
        _port = port;
        return Task.FromResult(port.BaseStream);
    }

    public ValueTask DisposeAsync()
    {
        _port?.Dispose();
        return ValueTask.CompletedTask;
    }
}
