using Conformance.Analyzer.Readers;
using Conformance.Protocol.Codes;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// Logs of the port's traffic written as structured rows, by hand as the tools write them: a structured logger's JSON
/// lines (Node-RED, pino, structlog, a script's <c>json.dumps</c>), such objects pasted as a JSON array, and a serial
/// tool's or a spreadsheet's CSV export (<c>time,direction,data</c>).
/// </summary>
public class StructuredLogTests
{
    // The same short session in each writer's words.
    [TestCase("""
        {"ts":"2026-11-30T10:11:12.100Z","level":"info","msg":"port /dev/ttyS1 open"}
        {"ts":"2026-11-30T10:11:12.345Z","level":"debug","msg":"TX: AT+CSQ"}
        {"ts":"2026-11-30T10:11:12.392Z","level":"debug","msg":"RX: +CSQ: 20,99"}
        {"ts":"2026-11-30T10:11:12.393Z","level":"debug","msg":"RX: OK"}
        {"ts":"2026-11-30T10:11:12.400Z","level":"warn","msg":"signal fine, OK to go on"}
        {"ts":"2026-11-30T10:11:13.000Z","level":"debug","msg":"TX: AT+MQTTCFG=\"183.230.40.39\",6002,\"dev42\",60,\"prod7\",\"Kf83hQz\",1"}
        {"ts":"2026-11-30T10:11:13.047Z","level":"debug","msg":"RX: OK"}
        """, LogFormat.JsonLines, TestName = "JSON lines with the mark in the message")]
    [TestCase("""
        [
          {"time": "2026-11-30 10:11:12.345", "dir": "tx", "data": "AT+CSQ"},
          {"time": "2026-11-30 10:11:12.392", "dir": "rx", "data": "+CSQ: 20,99\r\n\r\nOK\r\n"},
          {"time": "2026-11-30 10:11:13.000", "dir": "tx", "data": "AT+MQTTCFG=\"183.230.40.39\",6002,\"dev42\",60,\"prod7\",\"Kf83hQz\",1"},
          {"time": "2026-11-30 10:11:13.047", "dir": "rx", "data": "OK"}
        ]
        """, LogFormat.JsonLines, TestName = "a JSON array with a direction field and an answer of several lines")]
    [TestCase("""
        {"level":30,"time":1764497472100,"pid":811,"hostname":"gw","msg":"modem ready"}
        {"level":20,"time":1764497472345,"pid":811,"hostname":"gw","msg":"TX: AT+CSQ"}
        {"level":20,"time":1764497472392,"pid":811,"hostname":"gw","msg":"RX: +CSQ: 20,99"}
        {"level":20,"time":1764497472393,"pid":811,"hostname":"gw","msg":"RX: OK"}
        {"level":20,"time":1764497473000,"pid":811,"hostname":"gw","msg":"TX: AT+MQTTCFG=\"183.230.40.39\",6002,\"dev42\",60,\"prod7\",\"Kf83hQz\",1"}
        {"level":20,"time":1764497473047,"pid":811,"hostname":"gw","msg":"RX: OK"}
        """, LogFormat.JsonLines, TestName = "pino's JSON with the time in epoch milliseconds")]
    [TestCase("""
        time,direction,data
        2026-11-30 10:11:12.345,TX,AT+CSQ
        2026-11-30 10:11:12.392,RX,"+CSQ: 20,99"
        2026-11-30 10:11:12.393,RX,OK
        2026-11-30 10:11:13.000,TX,"AT+MQTTCFG=""183.230.40.39"",6002,""dev42"",60,""prod7"",""Kf83hQz"",1"
        2026-11-30 10:11:13.047,RX,OK
        """, LogFormat.CsvExport, TestName = "a CSV export with quoted fields")]
    [TestCase("Timestamp;Dir;Message\r\n10:11:12.345;Send;AT+CSQ\r\n10:11:12.392;Receive;+CSQ: 20,99\r\n10:11:12.393;Receive;OK\r\n" +
        "10:11:13.000;Send;\"AT+MQTTCFG=\"\"183.230.40.39\"\",6002,\"\"dev42\"\",60,\"\"prod7\"\",\"\"Kf83hQz\"\",1\"\r\n10:11:13.047;Receive;OK\r\n",
        LogFormat.CsvExport, TestName = "a spreadsheet's CSV with semicolons, times of day and Send/Receive")]
    public void A_structured_log_is_read_as_the_session_it_holds(string log, LogFormat format)
    {
        Assert.That(TempLog.Read(log).Source.Format, Is.EqualTo(format));

        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, string.Join("|", e.Information))), Is.EqualTo(new[]
        {
            ("AT+CSQ", "OK", "+CSQ: 20,99"), ("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev42\",60,\"prod7\",\"***\",1", "OK", ""),
        }));
        Assert.That(analysis.Exchanges[0].LatencyMs, Is.EqualTo(47).Within(1));
        Assert.That(analysis.Diagnostics.Where(d => d.Severity > Severity.Note), Is.Empty);
    }

    [Test]
    public void A_row_keeps_its_line_number_and_the_loggers_own_words_are_left_out()
    {
        var (_, records) = TempLog.Read("""
            {"ts":"2026-11-30T10:11:12.100Z","msg":"modem task started"}
            {"ts":"2026-11-30T10:11:12.345Z","msg":">> AT+CGATT?"}
            {"ts":"2026-11-30T10:11:12.360Z","msg":"waiting for the answer"}
            {"ts":"2026-11-30T10:11:12.392Z","msg":"<< +CGATT: 1"}
            """);

        Assert.That(records.Select(r => (r.Line, r.Direction, r.Text)), Is.EqualTo(new[]
        {
            (2L, LogDirection.ToModule, "AT+CGATT?\r\n"), (4L, LogDirection.FromModule, "+CGATT: 1\r\n"),
        }));
    }

    [Test]
    public void A_logic_analyzers_byte_export_stays_logic_csv()
    {
        const string log = "name,type,start_time,duration,data\nTX,data,0.1,8.68e-05,A\nTX,data,0.2,8.68e-05,T\nTX,data,0.3,8.68e-05,\\r\nTX,data,0.4,8.68e-05,\\n\n";

        Assert.That(TempLog.Read(log).Source.Format, Is.EqualTo(LogFormat.LogicCsv));
    }

    [Test]
    public void The_formats_can_be_named()
    {
        Assert.That(LogFormatNames.Parse("json-lines"), Is.EqualTo(LogFormat.JsonLines));
        Assert.That(LogFormatNames.Parse("csv"), Is.EqualTo(LogFormat.CsvExport));
    }
}
