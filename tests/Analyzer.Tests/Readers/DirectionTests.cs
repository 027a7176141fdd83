using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

public class DirectionTests
{
    [Test]
    public void The_echo_right_after_a_sent_command_is_the_module_s()
    {
        var (_, records) = TempLog.Read("AT+CSQ\r\nAT+CSQ\r\r\n+CSQ: 20,99\r\n\r\nOK\r\nAT\r\nat+csq\r\n", LogFormat.Raw);

        Assert.That(records.Select(r => (r.Direction, r.Text)), Is.EqualTo(new[]
        {
            (LogDirection.ToModule, "AT+CSQ\r\n"), (LogDirection.FromModule, "AT+CSQ\r"), (LogDirection.FromModule, "\r\n"),
            (LogDirection.FromModule, "+CSQ: 20,99\r\n"), (LogDirection.FromModule, "\r\n"), (LogDirection.FromModule, "OK\r\n"),
            (LogDirection.ToModule, "AT\r\n"), (LogDirection.ToModule, "at+csq\r\n"),
        }));
    }

    [Test]
    public void A_python_bytes_line_holding_command_and_answer_is_cut_by_direction()
    {
        var (_, records) = TempLog.Read("b'AT+MQTTPUB=$dp,0,0,0,3,\\x01\\x00\\x00\\r\\n\\r\\nOK\\r\\n'\n");

        Assert.That(records.Select(r => r.Direction), Is.EqualTo(new[] { LogDirection.ToModule, LogDirection.FromModule, LogDirection.FromModule }));
        Assert.That(records[0].Data, Is.EqualTo("AT+MQTTPUB=$dp,0,0,0,3,\x01\0\0\r\n"u8.ToArray()));
        Assert.That(records.Select(r => r.Line), Is.All.EqualTo(1));
    }
}
