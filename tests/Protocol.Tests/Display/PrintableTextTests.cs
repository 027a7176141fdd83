using Conformance.Protocol.Display;

namespace Conformance.Protocol.Tests.Display;

/// <summary>Control characters from a log are shown, not obeyed.</summary>
public class PrintableTextTests
{
    [TestCase("\u001b[2J", @"\x1b[2J")]
    [TestCase("bell\u0007", @"bell\x07")]
    [TestCase("nul\0", @"nul\x00")]
    [TestCase("csi\u009b1m", @"csi\x9b1m")]
    [TestCase("del\u007f", @"del\x7f")]
    [TestCase("a\r\nb\tc", @"a\r\nb\tc")]
    [TestCase("evil\u202Etxt.exe", @"evil\u202etxt.exe")]
    public void Control_characters_are_escaped(string text, string shown) => Assert.That(PrintableText.Escape(text), Is.EqualTo(shown));

    [TestCase("+CGMR: FW\u001b[2J\nOK\r", "+CGMR: FW\\x1b[2J\nOK\\r")]
    [TestCase("one\ntwo", "one\ntwo")]
    public void Lines_are_escaped_each_and_their_line_feeds_kept(string text, string shown) => Assert.That(PrintableText.EscapeLines(text), Is.EqualTo(shown));

    [TestCase("+MQTTOPEN: 0")]
    [TestCase("系统启动 [OK] \\x1b as text")]
    public void Printable_text_stays_as_it_is(string text)
    {
        Assert.That(PrintableText.Escape(text), Is.SameAs(text));
        Assert.That(PrintableText.IsPrintable(text), Is.True);
    }
}
