using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// A capture copied from a terminal that writes the port's control characters out: by name (<c>&lt;CR&gt;&lt;LF&gt;</c>,
/// <c>[CR][LF]</c>, <c>{CR}{LF}</c>) or as Unicode's control pictures (<c>␍␊</c>), one line of the file a line of the screen.
/// </summary>
public class ControlNamesTests
{
    private static readonly (LogDirection, string)[] Session =
    [
        (LogDirection.ToModule, "AT+CGATT?"), (LogDirection.FromModule, "+CGATT: 1"), (LogDirection.FromModule, "OK"),
        (LogDirection.ToModule, "AT+MQTTSUB=\"$creq/#\",1"), (LogDirection.FromModule, "OK"), (LogDirection.FromModule, "+MQTTSUBACK: 1,1,\"$creq/#\""),
    ];

    [TestCase("AT+CGATT?<CR><LF>\n<CR><LF>+CGATT: 1<CR><LF>\n<CR><LF>OK<CR><LF>\nAT+MQTTSUB=\"$creq/#\",1<CR><LF>\n<CR><LF>OK<CR><LF>\n<CR><LF>+MQTTSUBACK: 1,1,\"$creq/#\"<CR><LF>\n")]
    [TestCase("AT+CGATT?[CR][LF]\r\n[CR][LF]+CGATT: 1[CR][LF][CR][LF]OK[CR][LF]\r\nAT+MQTTSUB=\"$creq/#\",1[CR][LF]\r\n[CR][LF]OK[CR][LF][CR][LF]+MQTTSUBACK: 1,1,\"$creq/#\"[CR][LF]\r\n")]
    [TestCase("AT+CGATT?{cr}{lf}\n{cr}{lf}+CGATT: 1{cr}{lf}{cr}{lf}OK{cr}{lf}\nAT+MQTTSUB=\"$creq/#\",1{cr}{lf}\n{cr}{lf}OK{cr}{lf}\n{cr}{lf}+MQTTSUBACK: 1,1,\"$creq/#\"{cr}{lf}\n")]
    [TestCase("AT+CGATT?\\r\\n\n\\r\\n+CGATT: 1\\r\\n\\r\\nOK\\r\\n\nAT+MQTTSUB=\"$creq/#\",1\\r\\n\n\\r\\nOK\\r\\n\\r\\n+MQTTSUBACK: 1,1,\"$creq/#\"\\r\\n\n", TestName = "C escapes")]
    [TestCase("AT+CGATT?␍␊\n␍␊+CGATT: 1␍␊␍␊OK␍␊\nAT+MQTTSUB=\"$creq/#\",1␍␊\n␍␊OK␍␊␍␊+MQTTSUBACK: 1,1,\"$creq/#\"␍␊\n")]
    public void The_names_are_the_ports_bytes_and_the_files_line_breaks_the_screens(string log)
    {
        var (source, records) = TempLog.Read(log);

        Assert.That(source.Format, Is.EqualTo(LogFormat.ControlNames), () => string.Join(", ", source.Detection.Scores));
        Assert.That(Traffic.Lines(records), Is.EqualTo(Session));
    }

    [Test]
    public void The_line_ends_shown_are_judged_as_the_ports()
    {
        // The module ends its lines in LF alone: the names show it, and it is the module's, not the terminal's.
        var analysis = TempLog.Analyze("AT+CSQ<CR><LF>\n<LF>+CSQ: 20,99<LF><LF>OK<LF>\nAT+CGATT?<CR><LF>\n<LF>+CGATT: 1<LF><LF>OK<LF>\n");

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final)), Is.EqualTo(new (string, string?)[] { ("AT+CSQ", "OK"), ("AT+CGATT?", "OK") }));
        Assert.That(analysis.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "line-end" }));
    }

    [Test]
    public void Unmarked_lines_of_escapes_are_the_ports_bytes_the_commands_the_hosts()
    {
        // A logger's print of each buffer, the escapes typed out as text, without a TX:/RX: mark.
        var analysis = TempLog.Analyze(
            "AT+CSQ\\r\\n\n" +
            "\\r\\n+CSQ: 20,99\\r\\n\\r\\nOK\\r\\n\n" +
            "AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod1\",\"Pw9xQ2\",1\\r\\n\n" +
            "\\r\\nOK\\r\\n\n" +
            "AT+MQTTSTAT?\\r\\n\n" +
            "\\r\\n+MQTTSTAT: 1\\r\\n\\r\\nOK\\r\\n\n");

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, string.Join("|", e.Information))), Is.EqualTo(new (string, string?, string)[]
        {
            ("AT+CSQ", "OK", "+CSQ: 20,99"), ("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod1\",\"***\",1", "OK", ""), ("AT+MQTTSTAT?", "OK", "+MQTTSTAT: 1"),
        }));
        Assert.That(analysis.Diagnostics, Is.Empty);
    }

    [Test]
    public void A_marked_transcripts_data_with_names_is_read_as_its_bytes()
    {
        var analysis = TempLog.Analyze("TX: AT+CSQ<CR><LF>\nRX: <CR><LF>+CSQ: 20,99<CR><LF><CR><LF>OK<CR><LF>\n");

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, e.Information.Single())), Is.EqualTo(new[] { ("AT+CSQ", (string?)"OK", "+CSQ: 20,99") }));
    }
}
