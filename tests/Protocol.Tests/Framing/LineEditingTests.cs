using System.Text;
using Conformance.Protocol.Framing;

namespace Conformance.Protocol.Tests.Framing;

public class LineEditingTests
{
    [TestCase("AT+CQ\bSQ", "AT+CSQ")]
    [TestCase("AT+CSQ", "AT+CSQ")]
    [TestCase("\b\bAT", "AT")]
    [TestCase("ATZ\b\b\b", "")]
    [TestCase("AT+MQTTSTAT?\b?", "AT+MQTTSTAT?")]
    public void Each_backspace_deletes_the_character_before_it(string typed, string line)
    {
        Assert.That(LineEditing.Apply(typed), Is.EqualTo(line));
        Assert.That(LineEditing.SameAs(Encoding.ASCII.GetBytes(typed), Encoding.ASCII.GetBytes(line)), Is.True);
    }

    [Test]
    public void The_echo_of_the_keystrokes_is_the_echo_of_the_command()
    {
        var tokenizer = new AtTokenizer(new AtTokenizerOptions { CommandsKnown = true });
        tokenizer.CommandSent("AT+CSQ"u8);
        ReadOnlySpan<byte> input = "AT+CQ\bSQ\r\r\n+CSQ: 20,99\r\n\r\nOK\r\n"u8;

        Assert.That(tokenizer.TryRead(ref input, out var echo), Is.True);
        Assert.That(echo.Kind, Is.EqualTo(FrameKind.Echo));
    }
}
