using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// An MCU or a script that prints each buffer it wrote or read with C's escapes, one print a line, so the module's
/// line ends show as <c>\r\n</c>: in quotes after a mark (<c>TX: "AT+CSQ\r\n"</c>) or bare after a function's name
/// (<c>uart_recv: \r\nOK\r\n</c>). The prints stand for the bytes on the port.
/// </summary>
public class EscapedPrintTests
{
    [TestCase(
        "[00:00:01.120] TX: \"AT+MQTTCFG=\\\"183.230.40.39\\\",6002,\\\"dev7\\\",120,\\\"prod\\\",\\\"Zk9PrivKey=\\\",1\\r\\n\"\n" +
        "[00:00:01.180] RX: \"\\r\\nOK\\r\\n\"\n" +
        "[00:00:01.300] TX: \"AT+MQTTOPEN=1,1,0,0,0,\\\"\\\",\\\"\\\"\\r\\n\"\n" +
        "[00:00:01.420] RX: \"\\r\\nOK\\r\\n\\r\\n+MQTTOPEN: OK\\r\\n\"\n")]
    [TestCase(
        "uart_send: AT+MQTTCFG=\"183.230.40.39\",6002,\"dev7\",120,\"prod\",\"Zk9PrivKey=\",1\\r\\n\n" +
        "uart_recv: \\r\\nOK\\r\\n\n" +
        "uart_send: AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\\r\\n\n" +
        "uart_recv: \\r\\nOK\\r\\n\\r\\n+MQTTOPEN: OK\\r\\n\n")]
    [TestCase(
        "I (1120) at: --> \"AT+MQTTCFG=\\\"183.230.40.39\\\",6002,\\\"dev7\\\",120,\\\"prod\\\",\\\"Zk9PrivKey=\\\",1\\r\\n\"\n" +
        "I (1180) at: <-- \"\\r\\nOK\\r\\n\"\n" +
        "I (1300) at: --> \"AT+MQTTOPEN=1,1,0,0,0,\\\"\\\",\\\"\\\"\\r\\n\"\n" +
        "I (1420) at: <-- \"\\r\\nOK\\r\\n\\r\\n+MQTTOPEN: OK\\r\\n\"\n")]
    [TestCase(
        "--- Miniterm on /dev/ttyUSB0  115200,8,N,1 ---\n--- Quit: Ctrl+] | Menu: Ctrl+T | Help: Ctrl+T followed by Ctrl+H ---\n" +
        "TX: 'AT+MQTTCFG=\"183.230.40.39\",6002,\"dev7\",120,\"prod\",\"Zk9PrivKey=\",1\\r\\n'\n" +
        "RX: '\\r\\nOK\\r\\n'\n" +
        "TX: 'AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\\r\\n'\n" +
        "RX: '\\r\\nOK\\r\\n\\r\\n+MQTTOPEN: OK\\r\\n'\n")]
    [TestCase(
        "12:00:01.100 [serial] write b'AT+MQTTCFG=\"183.230.40.39\",6002,\"dev7\",120,\"prod\",\"Zk9PrivKey=\",1\\r\\n'\n" +
        "12:00:01.180 [serial] read b'\\r\\nOK\\r\\n'\n" +
        "12:00:01.300 [serial] write b'AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\\r\\n'\n" +
        "12:00:01.420 [serial] read b'\\r\\nOK\\r\\n\\r\\n+MQTTOPEN: OK\\r\\n'\n")]
    public void Each_print_is_the_bytes_it_stands_for(string log)
    {
        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final)), Is.EqualTo(new (string, string?)[]
        {
            ("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev7\",120,\"prod\",\"***\",1", "OK"), ("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK"),
        }));
        var openLine = log.Split('\n').ToList().FindIndex(line => line.Contains("AT+MQTTOPEN", StringComparison.Ordinal)) + 1;
        Assert.That(analysis.Urcs.Select(u => (u.Text, u.CommandLine)), Is.EqualTo(new (string, long?)[] { ("+MQTTOPEN: OK", openLine) }));
        Assert.That(analysis.Diagnostics, Is.Empty);
    }

    [Test]
    public void A_message_holding_a_backslash_and_an_n_is_not_a_print()
    {
        var (_, records) = TempLog.Read("=> AT+MQTTPUB=\"dev/log\",1,0,0,0,\"line1\\nline2\"\n<= OK\n<= +MQTTPUBACK: 3,1\n");

        Assert.That(Traffic.Lines(records), Is.EqualTo(new[]
        {
            (LogDirection.ToModule, "AT+MQTTPUB=\"dev/log\",1,0,0,0,\"line1\\nline2\""), (LogDirection.FromModule, "OK"), (LogDirection.FromModule, "+MQTTPUBACK: 3,1"),
        }));
    }
}
