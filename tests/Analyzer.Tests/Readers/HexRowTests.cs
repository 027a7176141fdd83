using Conformance.Analyzer.Readers;
using Conformance.Protocol.Codes;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// Exports whose rows say their data is hex and hold something else (written by hand as a user's tool or hand editing
/// leaves them: a command typed into a row the tool marks hex, a packet whose last digit was cut): the row is read as
/// text, nothing of it lost, and a warning names its line and what was wrong, its secrets masked.
/// </summary>
public class HexRowTests
{
    [Test]
    public void A_row_marked_hex_holding_a_command_is_read_as_text_and_said()
    {
        var analysis = TempLog.Analyze("时间,方向,格式,数据\n" +
            "10:11:12.345,发送,HEX,AT+CSQ\n" +
            "10:11:12.392,接收,HEX,0D 0A 2B 43 53 51 3A 20 32 30 2C 39 39 0D 0A 0D 0A 4F 4B 0D 0A\n");

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, string.Join("|", e.Information))), Is.EqualTo(new[] { ("AT+CSQ", "OK", "+CSQ: 20,99") }));
        var warning = analysis.Diagnostics.Single();
        Assert.That((warning.Code, warning.Severity, warning.Line), Is.EqualTo(("row-not-hex", Severity.Warn, 2L)));
        Assert.That(warning.Message, Is.EqualTo("line 2 is marked hex but its data 'AT+CSQ' is not hex (character 2 is no hex digit): read as text"));
    }

    [Test]
    public void A_hex_row_with_an_odd_digit_keeps_its_text_and_says_which_row()
    {
        // A/H letters; the third row lost its last digit when someone edited the sheet.
        const string log = "Time,Dir,A/H,Data\r\n" +
            "10:11:12.345,TX,A,AT+CSQ\r\n" +
            "10:11:12.392,RX,H,0D 0A 2B 43 53 51 3A 20 32 30 2C 39 39 0D 0A\r\n" +
            "10:11:12.393,RX,H,0D 0A 4F 4B 0D 0\r\n";
        var (_, records) = TempLog.Read(log);
        var analysis = TempLog.Analyze(log);

        Assert.That(records.Select(r => (r.Line, r.Text)), Does.Contain((4L, "0D 0A 4F 4B 0D 0\r\n")), "the row is kept, as written");
        var warning = analysis.Diagnostics.Single(d => d.Code == "row-not-hex");
        Assert.That(warning.Line, Is.EqualTo(4));
        Assert.That(warning.Message, Is.EqualTo("line 4 is marked hex but its data '0D 0A 4F 4B 0D 0' is not hex (it has an odd number of hex digits): read as text"));
    }

    [Test]
    public void A_password_in_a_row_marked_hex_is_masked_in_the_warning()
    {
        var analysis = TempLog.Analyze("timestamp;direction;encoding;payload\r\n" +
            "1764497472.345;out;hex;AT+MQTTCFG=\"mqtts.heclouds.com\",1883,\"dev01\",120,\"prod9\",\"Pa55w0rd-x1\",1\r\n" +
            "1764497472.392;in;hex;0d0a4f4b0d0a\r\n");

        var warning = analysis.Diagnostics.Single(d => d.Code == "row-not-hex");
        Assert.That(warning.Line, Is.EqualTo(2));
        Assert.That(warning.Message, Does.Not.Contain("Pa55w0rd"));
        Assert.That(warning.Message, Does.StartWith("line 2 is marked hex but its data 'AT+MQTTCFG=\"mqtts.heclouds.com\",1883,\"de…' is not hex"));
        Assert.That(analysis.Exchanges.Single().Final, Is.EqualTo("OK"), "the command is still read, as text");
    }

    [Test]
    public void The_password_is_masked_where_the_cut_would_show_it()
    {
        // The secret within the quoted part: masked before the message cuts the data.
        var analysis = TempLog.Analyze("time,dir,mode,data\n" +
            "2026-11-30 10:11:12.345,TX,HEX,AT+MQTTCFG=\"h\",1,\"d\",60,\"p\",\"Pw0rd9z\",1\n" +
            "2026-11-30 10:11:12.392,RX,ASCII,OK\n");

        var warning = analysis.Diagnostics.Single(d => d.Code == "row-not-hex");
        Assert.That(warning.Message, Does.Not.Contain("Pw0rd"));
        Assert.That(warning.Message, Does.Contain("\"p\",\"***\""));
    }

    [Test]
    public void A_json_line_saying_hex_that_holds_text_is_said_too()
    {
        var analysis = TempLog.Analyze("""
            {"ts":"2026-11-30T10:11:12.345Z","dir":"tx","format":"hex","data":"AT+CGATT?"}
            {"ts":"2026-11-30T10:11:12.401Z","dir":"rx","format":"hex","data":"0D0A2B43474154543A20310D0A0D0A4F4B0D0A"}
            """);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final)), Is.EqualTo(new[] { ("AT+CGATT?", (string?)"OK") }));
        Assert.That(analysis.Diagnostics.Select(d => (d.Code, d.Line)), Is.EqualTo(new[] { ("row-not-hex", 1L) }));
    }

    [Test]
    public void Rows_said_to_be_text_and_hex_rows_that_are_hex_raise_nothing()
    {
        var analysis = TempLog.Analyze("Time;Direction;Format;Data\r\n10:11:12.345;Send;Text;AT+CSQ\r\n" +
            "10:11:12.392;Receive;Hex;0D0A2B4353513A2032302C39390D0A\r\n10:11:12.393;Receive;Text;OK\r\n");

        Assert.That(analysis.Diagnostics.Where(d => d.Code == "row-not-hex"), Is.Empty);
    }
}
