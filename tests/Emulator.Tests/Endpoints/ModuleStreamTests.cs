using System.Text;
using Conformance.Emulator.Endpoints;
using Conformance.Emulator.Modem;
using Conformance.Emulator.Tests.Modem;

namespace Conformance.Emulator.Tests.Endpoints;

/// <summary>The in-process port: each connection has its own command line, and a reader that stops reading is cut off.</summary>
public sealed class ModuleStreamTests
{
    [Test]
    public async Task A_reader_that_never_reads_is_cut_off_once_it_is_too_far_behind()
    {
        var options = new EmulatorOptions { MaxUnreadOutput = 4096 };
        await using var module = new VirtualModule(options);
        await using var stalled = new ModuleStream(module);

        // 1000 × "+CSQ: 24,99 OK" is about 27 KB of output, well past the 4 KB allowed.
        for (var i = 0; i < 1000; i++) stalled.Write("AT+CSQ\r"u8);

        Assert.That(stalled.Overrun, Is.True);
        var buffer = new byte[64];
        var error = Assert.ThrowsAsync<IOException>(async () => _ = await stalled.ReadAsync(buffer));
        Assert.That(error!.Message, Is.EqualTo("the host left more than 4096 bytes of module output unread; the connection is cut"));

        // The module itself is unharmed: a new connection is answered.
        await using var fresh = new AtTerminal(new ModuleStream(module));
        await fresh.ExpectAsync("AT", "OK");
    }

    [Test]
    public async Task A_reader_that_keeps_up_is_never_cut_off()
    {
        await using var module = new VirtualModule(new EmulatorOptions { MaxUnreadOutput = 4096 });
        await using var host = new AtTerminal(new ModuleStream(module));

        // Far more output in total than the limit, but read as it comes.
        for (var i = 0; i < 400; i++) await host.ExpectAsync("AT+CSQ", "+CSQ: 24,99", "OK");
    }

    [Test]
    public async Task An_unfinished_line_on_one_connection_does_not_prefix_anothers_command()
    {
        await using var module = new VirtualModule();
        await using var first = new ModuleStream(module);
        await first.WriteAsync(Encoding.ASCII.GetBytes("AT+C"));
        await using var second = new AtTerminal(new ModuleStream(module));

        await second.ExpectAsync("AT", "OK");
    }
}
