using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// What an MCU's firmware prints of its own AT traffic, as customers copy it out of a serial monitor: its own words
/// before the command (<c>Sending:</c>, <c>CMD:</c>), the module's answers with or without a word, and the Arduino
/// monitor's <c>-&gt;</c> before every line, whichever way the line went.
/// </summary>
public class McuDebugPrintTests
{
    private static readonly (LogDirection, string)[] CsqThenOpen =
    [
        (LogDirection.ToModule, "AT+CSQ"), (LogDirection.FromModule, "+CSQ: 21,99"), (LogDirection.FromModule, "OK"),
        (LogDirection.ToModule, "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\""), (LogDirection.FromModule, "OK"), (LogDirection.FromModule, "+MQTTOPEN: OK"),
    ];

    // The Arduino IDE's monitor with "Show timestamp": `->` before every line it received from the MCU.
    private const string ArduinoMonitor =
        "14:02:11.520 -> Sending: AT+CSQ\n" +
        "14:02:11.689 -> +CSQ: 21,99\n" +
        "14:02:11.689 -> \n" +
        "14:02:11.690 -> OK\n" +
        "14:02:12.004 -> Sending: AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\n" +
        "14:02:12.251 -> OK\n" +
        "14:02:13.877 -> +MQTTOPEN: OK\n";

    [Test]
    public void An_arduino_monitors_arrow_on_every_line_leaves_the_direction_to_the_MCUs_own_words()
    {
        var (_, records) = TempLog.Read(ArduinoMonitor);
        Assert.That(Traffic.Lines(records), Is.EqualTo(CsqThenOpen));

        var analysis = TempLog.Analyze(ArduinoMonitor);
        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, e.LatencyMs)), Is.EqualTo(new (string, string?, double?)[]
        {
            ("AT+CSQ", "OK", 170), ("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK", 247),
        }));
        Assert.That(analysis.Diagnostics, Is.Empty);
    }

    [TestCase("14:02:11.520 -> AT+CSQ\n14:02:11.689 -> +CSQ: 21,99\n14:02:11.690 -> OK\n14:02:12.004 -> AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\n14:02:12.251 -> OK\n14:02:13.877 -> +MQTTOPEN: OK\n")]
    [TestCase("-> CMD: AT+CSQ\n-> Response: +CSQ: 21,99\n-> Response: OK\n-> CMD: AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\n-> Response: OK\n-> Response: +MQTTOPEN: OK\n")]
    [TestCase("Sending: AT+CSQ\nReply: +CSQ: 21,99\nReply: OK\nSending: AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\nReply: OK\nReply: +MQTTOPEN: OK\n")]
    [TestCase("→ Command: AT+CSQ\n→ +CSQ: 21,99\n→ OK\n→ Command: AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\n→ OK\n→ +MQTTOPEN: OK\n")]
    public void The_MCUs_words_or_the_lines_text_say_the_direction_under_one_arrow(string log)
    {
        var (_, records) = TempLog.Read(log);
        Assert.That(Traffic.Lines(records), Is.EqualTo(CsqThenOpen));
    }

    [Test]
    public void Commands_behind_the_MCUs_own_word_among_unmarked_answers_are_the_hosts()
    {
        // A raw capture's reading would take `CMD: AT+CSQ` for noise and leave every answer without its command.
        const string log =
            "CMD: AT+CSQ\r\n+CSQ: 21,99\r\n\r\nOK\r\n" +
            "CMD: AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\nOK\r\n\r\n+MQTTOPEN: OK\r\n" +
            "CMD: AT+MQTTSUB=\"$creq/#\",1\r\nOK\r\n+MQTTSUBACK: 1,1,\"$creq/#\"\r\n";

        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final)), Is.EqualTo(new (string, string?)[]
        {
            ("AT+CSQ", "OK"), ("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK"), ("AT+MQTTSUB=\"$creq/#\",1", "OK"),
        }));
        Assert.That(analysis.Urcs.Select(u => (u.Name, u.CommandLine)), Is.EqualTo(new (string, long?)[] { ("+MQTTOPEN", 5), ("+MQTTSUBACK", 9) }));
    }

    [Test]
    public void A_firmware_that_prints_its_commands_and_passes_the_modules_lines_through_bare_is_read_whole()
    {
        // ESP-IDF's log for what the firmware sent; the module's output written to the console as it came, without a stamp.
        const string log =
            "I (1120) modem: >> AT+CSQ\n+CSQ: 21,99\n\nOK\nI (1300) app: signal ok\n" +
            "I (2000) modem: >> AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\nOK\n\n+MQTTOPEN: OK\nI (3400) app: mqtt connected\n" +
            "I (4000) modem: >> AT+MQTTSUB=\"$creq/#\",1\nOK\n\n+MQTTSUBACK: 1,1,\"$creq/#\"\n";

        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, e.LatencyMs)), Is.EqualTo(new (string, string?, double?)[]
        {
            // The module's lines have no stamp of their own: no latency is made up from the command's.
            ("AT+CSQ", "OK", null), ("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK", null), ("AT+MQTTSUB=\"$creq/#\",1", "OK", null),
        }));
        Assert.That(analysis.Urcs.Select(u => (u.Name, u.CommandLine)), Is.EqualTo(new (string, long?)[] { ("+MQTTOPEN", 6), ("+MQTTSUBACK", 11) }));
        Assert.That(analysis.Diagnostics, Is.Empty);
    }

    [Test]
    public void A_raw_capture_with_its_echo_stays_raw()
    {
        var (source, _) = TempLog.Read("AT+CSQ\r\n+CSQ: 21,99\r\n\r\nOK\r\nAT+CGATT?\r\n+CGATT: 1\r\n\r\nOK\r\nsome firmware text\r\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.Raw));
    }
}
