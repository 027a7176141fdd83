using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>VS Code's Serial Monitor output, saved or copied from its panel, written here by hand.</summary>
public class VsCodeSerialTests
{
    [Test]
    public void Sent_banners_are_the_hosts_commands_and_the_rest_the_modules_lines()
    {
        // Copied from the middle of a session, echo on, timestamps off: no banner of the port's, a password escaped.
        var analysis = TempLog.Analyze(
            "+CSQ: 20,99\r\n" +
            "OK\r\n" +
            "---- Sent utf8 encoded message: \"AT+MQTTCFG=\\\"183.230.40.39\\\",6002,\\\"dev9\\\",120,\\\"prod9\\\",\\\"Vs7pass\\\\q\\\",1\\r\\n\" ----\r\n" +
            "AT+MQTTCFG=\"183.230.40.39\",6002,\"dev9\",120,\"prod9\",\"Vs7pass\\q\",1\r\n" +
            "\r\n" +
            "OK\r\n" +
            "---- Sent hex encoded message: \"41 54 2B 4D 51 54 54 4F 50 45 4E 3D 31 2C 31 2C 30 2C 30 2C 30 2C 22 22 2C 22 22 0D 0A\" ----\r\n" +
            "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n" +
            "OK\r\n" +
            "+MQTTOPEN: OK\r\n");

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final)), Is.EqualTo(new (string, string?)[]
        {
            ("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev9\",120,\"prod9\",\"***\",1", "OK"),
            ("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK"),
        }));
        Assert.That(analysis.Urcs.Where(u => u.Name != "+CSQ").Select(u => (u.Name, u.CommandLine)), Is.EqualTo(new (string, long?)[] { ("+MQTTOPEN", 7) }));
        Assert.That(Conformance.Analyzer.Reports.JsonReport.Write(analysis), Does.Not.Contain("Vs7pass"));
    }

    [Test]
    public void A_message_sent_without_a_line_end_is_still_a_command_and_the_ports_banners_are_no_traffic()
    {
        var (source, records) = TempLog.Read(
            "---- Opened the serial port COM3 ----\n" +
            "---- Sent utf8 encoded message: \"AT+CSQ\" ----\n" +
            "+CSQ: 20,99\n" +
            "OK\n" +
            "---- Closed the serial port COM3 ----\n" +
            "---- Opened the serial port COM3 ----\n" +
            "---- Sent utf8 encoded message: \"AT+CSQ\\r\\n\" ----\n" +
            "+CSQ: 21,99\n" +
            "OK\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.VsCodeSerial), () => string.Join(", ", source.Detection.Scores));
        Assert.That(Traffic.Lines(records), Is.EqualTo(new (LogDirection, string)[]
        {
            (LogDirection.ToModule, "AT+CSQ"), (LogDirection.FromModule, "+CSQ: 20,99"), (LogDirection.FromModule, "OK"),
            (LogDirection.ToModule, "AT+CSQ"), (LogDirection.FromModule, "+CSQ: 21,99"), (LogDirection.FromModule, "OK"),
        }));
    }

    [Test]
    public void With_timestamps_on_each_line_has_its_time()
    {
        var analysis = TempLog.Analyze(
            "[12:00:00.120] ---- Sent utf8 encoded message: \"AT+MQTTSTAT?\\r\\n\" ----\n" +
            "[12:00:00.155] +MQTTSTAT: 5\n" +
            "[12:00:00.156] \n" +
            "[12:00:00.157] OK\n");

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, e.LatencyMs)), Is.EqualTo(new (string, string?, double?)[] { ("AT+MQTTSTAT?", "OK", 37) }));
    }
}
