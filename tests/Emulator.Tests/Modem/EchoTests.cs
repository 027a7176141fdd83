using System.Text;
using Conformance.Emulator.Modem;

namespace Conformance.Emulator.Tests.Modem;

/// <summary>Echo as a real module does it: each character as it arrives, and ATE0/ATE1 from the next character on.</summary>
public sealed class EchoTests
{
    private static async Task<string> OutputOf(EmulatorOptions options, params string[] writes)
    {
        await using var module = new VirtualModule(options);
        var output = new StringBuilder();
        module.OutputWritten += (_, bytes) => output.Append(Encoding.UTF8.GetString(bytes));
        // Lines without MQTT are answered before Write returns, so the output is complete here.
        foreach (var chunk in writes) module.Write(Encoding.UTF8.GetBytes(chunk));
        return output.ToString();
    }

    [Test]
    public async Task Each_character_typed_is_echoed_at_once()
    {
        await using var module = new VirtualModule(new EmulatorOptions { Echo = true });
        var output = new StringBuilder();
        module.OutputWritten += (_, bytes) => output.Append(Encoding.UTF8.GetString(bytes));

        foreach (var c in "AT+CS")
        {
            module.Write([(byte)c]);
            Assert.That(output.ToString(), Does.EndWith(c.ToString()), "echoed before the line ends");
        }
        module.Write("Q\r"u8);

        Assert.That(output.ToString(), Is.EqualTo("AT+CSQ\r\r\n+CSQ: 24,99\r\n\r\nOK\r\n"));
    }

    [Test]
    public async Task Each_answer_follows_the_echo_of_its_own_line_when_lines_arrive_together()
    {
        var output = await OutputOf(new EmulatorOptions { Echo = true }, "AT\rAT+CGATT?\r");

        Assert.That(output, Is.EqualTo("AT\r\r\nOK\r\nAT+CGATT?\r\r\n+CGATT: 1\r\n\r\nOK\r\n"));
    }

    [Test]
    public async Task ATE1_echoes_from_the_very_next_character_even_in_the_same_chunk()
    {
        var output = await OutputOf(new EmulatorOptions(), "ATE1\rAT\r");

        Assert.That(output, Is.EqualTo("\r\nOK\r\nAT\r\r\nOK\r\n"));
    }

    [Test]
    public async Task ATE0_stops_the_echo_from_the_very_next_character()
    {
        var output = await OutputOf(new EmulatorOptions { Echo = true }, "ATE0\rAT\r");

        Assert.That(output, Is.EqualTo("ATE0\r\r\nOK\r\n\r\nOK\r\n"));
    }
}
