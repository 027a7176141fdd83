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
            (LogDirection.ToModule, "AT+CSQ\r\n"), (LogDirection.FromModule, "AT+CSQ\r\r\n+CSQ: 20,99\r\n\r\nOK\r\n"),
            (LogDirection.ToModule, "AT\r\n"), (LogDirection.ToModule, "at+csq\r\n"),
        }));
    }

    [Test]
    public void Module_lines_in_a_row_are_one_record_whose_lines_are_counted_from_its_first()
    {
        var (_, records) = TempLog.Read("AT+MQTTSTAT?\r\n\r\n+MQTTSTAT: 5\r\n\r\nOK\r\nAT+CSQ\r\n", LogFormat.Raw);
        var analysis = Conformance.Analyzer.Timeline.TimelineBuilder.Analyze(records);

        Assert.That(records.Select(r => (r.Line, r.SpansLines)), Is.EqualTo(new[] { (1L, false), (2L, true), (6L, false) }));
        Assert.That(analysis.Exchanges.Select(e => (e.Line, e.Final)), Is.EqualTo(new[] { (1L, "OK"), (6L, (string?)null) }));
        Assert.That(analysis.Diagnostics.Single(d => d.Code == "no-final-result").Line, Is.EqualTo(6));
        Assert.That(analysis.StateChanges.Single().Line, Is.EqualTo(3), "+MQTTSTAT: 5 is on line 3");
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
