using System.IO.Ports;
using Conformance.Emulator.Endpoints;
using Conformance.Emulator.Modem;
using Conformance.Emulator.Tests.Modem;

namespace Conformance.Emulator.Tests.Endpoints;

/// <summary>The module on a real Linux pseudo-terminal, opened with System.IO.Ports like a USB-serial adapter.</summary>
[Platform("Linux")]
public sealed class PtyEndpointTests
{
    [Test]
    public async Task A_serial_port_on_the_pty_path_talks_AT()
    {
        await using var module = new VirtualModule(new EmulatorOptions { Imei = "869976030099999" });
        using var endpoint = PtyEndpoint.Start(module);
        Assert.That(endpoint.Path, Does.StartWith("/dev/pts/"));

        using var port = new SerialPort(endpoint.Path, 9600, Parity.None, 8, StopBits.One);
        port.Open();
        await using var host = new AtTerminal(port.BaseStream);

        await host.ExpectAsync("AT", "OK");
        await host.ExpectAsync("AT+CGSN=1", "+CGSN: 869976030099999", "OK");
        await host.ExpectAsync("ATE1", "OK");
        await host.ExpectAsync("AT+CGATT?", "AT+CGATT?", "+CGATT: 1", "OK");
    }

    [Test]
    public async Task Output_nobody_reads_is_dropped_and_the_port_still_works_afterwards()
    {
        await using var module = new VirtualModule();
        using var endpoint = PtyEndpoint.Start(module);

        // About 270 KB of answers with no host on the port: far more than a pseudo-terminal buffers.
        for (var i = 0; i < 10_000; i++) module.Write("AT+CSQ\r"u8);

        using var port = new SerialPort(endpoint.Path, 9600, Parity.None, 8, StopBits.One);
        port.Open();
        port.DiscardInBuffer();
        await using var host = new AtTerminal(port.BaseStream);
        await host.ExpectAsync("AT+CGSN=1", "+CGSN: 869976030000001", "OK");
    }
}
