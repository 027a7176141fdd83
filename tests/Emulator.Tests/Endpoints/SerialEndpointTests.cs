using Conformance.Emulator.Endpoints;
using Conformance.Emulator.Logging;
using Conformance.Emulator.Modem;
using Conformance.Emulator.Tests.Modem;
using Conformance.Emulator.Tests.Support;

namespace Conformance.Emulator.Tests.Endpoints;

/// <summary>
/// The module on a serial port opened with System.IO.Ports. A pseudo-terminal stands in for the USB-serial adapter:
/// the emulator opens its device path as it would <c>/dev/ttyUSB0</c>, the test is the host at the other end.
/// </summary>
[Platform("Linux")]
public sealed class SerialEndpointTests
{
    [Test]
    public async Task The_module_answers_on_the_serial_port()
    {
        await using var module = new VirtualModule(new EmulatorOptions { Imei = "869976030077777" });
        await using var wire = PtyStream.Open();
        await using var endpoint = SerialEndpoint.Start(module, SerialAddress.Parse(wire.Path + ",115200"));
        await using var host = new AtTerminal(wire);

        await host.ExpectAsync("AT", "OK");
        await host.ExpectAsync("AT+CGSN=1", "+CGSN: 869976030077777", "OK");
        await host.ExpectAsync("ATE1", "OK");
        await host.ExpectAsync("AT+CSQ", "AT+CSQ", "+CSQ: 24,99", "OK");
    }

    [Test]
    public void A_missing_port_is_refused_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-adapter-" + Guid.NewGuid().ToString("N"));
        var module = new VirtualModule();

        var error = Assert.Throws<IOException>(() => SerialEndpoint.Start(module, new SerialAddress(missing, 9600)));
        Assert.That(error!.Message, Is.EqualTo($"serial port {missing} does not exist (is the adapter plugged in?)"));
    }

    [Test]
    public void A_path_that_is_not_a_serial_port_is_refused_naming_it()
    {
        var file = Path.GetTempFileName();
        try
        {
            var error = Assert.Throws<IOException>(() => SerialEndpoint.Start(new VirtualModule(), new SerialAddress(file, 9600)));
            Assert.That(error!.Message, Does.StartWith($"cannot open serial port {file} at 9600 baud: "));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task An_unplugged_adapter_is_logged_and_the_port_is_reopened_when_it_comes_back()
    {
        // A by-id style link, as udev makes for an adapter: the same path leads to a new device after replugging.
        var folder = Directory.CreateTempSubdirectory("serial-").FullName;
        var adapter = Path.Combine(folder, "usb-FTDI_FT232R-if00-port0");
        try
        {
            await using var module = new VirtualModule();
            var warnings = new Recorder<EmulatorLogEntry>(e => e.Level == EmulatorLogLevel.Warn);
            module.Logged += warnings.Add;
            var first = PtyStream.Open();
            File.CreateSymbolicLink(adapter, first.Path);
            await using var endpoint = SerialEndpoint.Start(module, new SerialAddress(adapter, 9600), TimeSpan.FromMilliseconds(20));
            await using (var host = new AtTerminal(first))
            {
                await host.ExpectAsync("AT+CSQ", "+CSQ: 24,99", "OK");
                await host.ExpectAsync("ATE1", "OK");
            }

            // Unplugged: the device and its link are gone.
            File.Delete(adapter);
            Assert.That((await warnings.NextAsync()).Text, Is.EqualTo($"serial port {adapter} lost (unplugged?); the module keeps running, waiting for the port to come back"));

            await using var second = PtyStream.Open();
            File.CreateSymbolicLink(adapter, second.Path);
            Assert.That((await warnings.NextAsync()).Text, Is.EqualTo($"serial port {adapter} is back"));
            await using var again = new AtTerminal(second);
            // The same module, still running: the echo switched on before the unplugging is still on.
            await again.ExpectAsync("AT", "AT", "OK");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestCase("/dev/ttyUSB0", "/dev/ttyUSB0", 9600)]
    [TestCase("/dev/ttyUSB0,115200", "/dev/ttyUSB0", 115200)]
    [TestCase("/dev/serial/by-id/a,b,57600", "/dev/serial/by-id/a,b", 57600)]
    public void An_address_is_a_path_and_an_optional_baud_rate(string text, string path, int baud)
    {
        Assert.That(SerialAddress.Parse(text), Is.EqualTo(new SerialAddress(path, baud)));
    }

    [TestCase("/dev/ttyUSB0,fast", "baud rate 'fast' at character 14 of '/dev/ttyUSB0,fast' must be a positive number, e.g. /dev/ttyUSB0,115200")]
    [TestCase("/dev/ttyUSB0,0", "baud rate '0' at character 14 of '/dev/ttyUSB0,0' must be a positive number, e.g. /dev/ttyUSB0,115200")]
    [TestCase("/dev/ttyUSB0,-9600", "baud rate '-9600' at character 14 of '/dev/ttyUSB0,-9600' must be a positive number, e.g. /dev/ttyUSB0,115200")]
    [TestCase(",9600", "no port given in ',9600', e.g. /dev/ttyUSB0,9600")]
    public void A_bad_address_says_what_is_wrong_and_where(string text, string message)
    {
        Assert.That(() => SerialAddress.Parse(text), Throws.TypeOf<FormatException>().With.Message.EqualTo(message));
    }
}
