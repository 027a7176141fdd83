using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// A log copied from a wiki page, a chat or a PDF: no-break spaces where the page had spaces, an ideographic space from
/// a Chinese input method. They are read as spaces, but inside a quoted message they are its content.
/// </summary>
public class PastedSpacesTests
{
    [TestCase("=>\u00A0AT+CGATT?\n<=\u00A0+CGATT:\u00A01\n<=\u00A0OK\n=>\u00A0AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\n<=\u00A0OK\n<=\u00A0+MQTTOPEN:\u00A0OK\n")]
    [TestCase("发送：AT+CGATT?\n接收：+CGATT:\u30001\n接收：OK\n发送：AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\n接收：OK\n接收：+MQTTOPEN:\u3000OK\n")]
    [TestCase("I (1200) modem:\u00A0>>\u00A0AT+CGATT?\nI (1250) modem:\u00A0<<\u00A0+CGATT:\u00A01\nI (1251) modem:\u00A0<<\u00A0OK\nI (2200) modem:\u00A0>>\u00A0AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\nI (2300) modem:\u00A0<<\u00A0OK\nI (3300) modem:\u00A0<<\u00A0+MQTTOPEN:\u00A0OK\n")]
    public void Pasted_spaces_are_spaces(string log)
    {
        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final)), Is.EqualTo(new (string, string?)[] { ("AT+CGATT?", "OK"), ("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK") }));
        Assert.That(analysis.Exchanges[0].Information, Is.EqualTo(new[] { "+CGATT: 1" }));
        Assert.That(analysis.Urcs.Select(u => u.Text), Is.EqualTo(new[] { "+MQTTOPEN: OK" }));
        Assert.That(analysis.Diagnostics, Is.Empty);
    }

    [Test]
    public void Inside_quotes_a_no_break_space_is_content()
    {
        var (_, records) = TempLog.Read("=>\u00A0AT+MQTTSUB=\"a\u00A0b\",1\n<=\u00A0OK\n");

        Assert.That(Traffic.Lines(records), Is.EqualTo(new[] { (LogDirection.ToModule, "AT+MQTTSUB=\"a\u00A0b\",1"), (LogDirection.FromModule, "OK") }));
    }
}
