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
    [TestCase("时间,方向,数据\r\n2026-11-30 10:11:12.345,发送,AT+CSQ\r\n2026-11-30 10:11:12.392,接收,\"\r\n+CSQ: 20,99\r\n\r\nOK\r\n\"\r\n" +
        "2026-11-30 10:11:13.000,发送,\"AT+MQTTCFG=\"\"183.230.40.39\"\",6002,\"\"dev42\"\",60,\"\"prod7\"\",\"\"Kf83hQz\"\",1\"\r\n2026-11-30 10:11:13.047,接收,\"\r\nOK\r\n\"\r\n",
        LogFormat.CsvExport, TestName = "Chinese column names, 发送/接收, and an answer of several lines in one quoted cell")]
    [TestCase("\uFEFF时间戳,类型,内容\r\n10:11:12.345,→,AT+CSQ\r\n10:11:12.392,←,\"+CSQ: 20,99\nOK\"\r\n" +
        "10:11:13.000,→,\"AT+MQTTCFG=\"\"183.230.40.39\"\",6002,\"\"dev42\"\",60,\"\"prod7\"\",\"\"Kf83hQz\"\",1\"\r\n10:11:13.047,←,OK\r\n",
        LogFormat.CsvExport, TestName = "a byte order mark, 时间戳/类型/内容, arrows for the direction and a cell broken as Excel breaks it")]
    [TestCase("Time,发送/接收,Data\n2026/11/30 10:11:12.345,Send,AT+CSQ\n2026/11/30 10:11:12.392,Recv,+CSQ: 20,99\n2026/11/30 10:11:12.393,Recv,OK\n" +
        "2026/11/30 10:11:13.000,Send,AT+MQTTCFG=\"183.230.40.39\",6002,\"dev42\",60,\"prod7\",\"Kf83hQz\",1\n2026/11/30 10:11:13.047,Recv,OK\n",
        LogFormat.CsvExport, TestName = "a direction column named in Chinese and the data written unquoted, commas and all")]
    [TestCase("序号,时间,收/发,数据(ASCII)\r\n1,10:11:12.345,发,AT+CSQ\r\n2,10:11:12.392,收,\"+CSQ: 20,99\r\n\r\nOK\"\r\n" +
        "3,10:11:13.000,发,\"AT+MQTTCFG=\"\"183.230.40.39\"\",6002,\"\"dev42\"\",60,\"\"prod7\"\",\"\"Kf83hQz\"\",1\"\r\n4,10:11:13.047,收,OK\r\n",
        LogFormat.CsvExport, TestName = "a numbered export with 收/发 and a note on the data column's name")]
    [TestCase("时间\t方向\t数据\n10:11:12.345\t写\tAT+CSQ\n10:11:12.392\t读\t+CSQ: 20,99\n10:11:12.393\t读\tOK\n" +
        "10:11:13.000\t写\tAT+MQTTCFG=\"183.230.40.39\",6002,\"dev42\",60,\"prod7\",\"Kf83hQz\",1\n10:11:13.047\t读\tOK\n",
        LogFormat.CsvExport, TestName = "tabs and 写/读")]
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
    public void A_row_whose_quoted_cell_spans_lines_is_one_row_numbered_as_its_first_line()
    {
        var (source, records) = TempLog.Read("Time,Direction,Data\r\n" +
            "10:11:12.345,TX,AT+MQTTSUB?\r\n" +
            "10:11:12.420,RX,\"\r\n+MQTTSUB: 1,\"\"$creq/#\"\",1\r\n+MQTTSUB: 2,\"\"$sys/p/d/dp/post/json/+\"\",0\r\n\r\nOK\r\n\"\r\n" +
            "10:11:13.000,TX,AT+CSQ\r\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.CsvExport));
        Assert.That(records.Select(r => (r.Line, r.Direction, r.Text)), Is.EqualTo(new[]
        {
            (2L, LogDirection.ToModule, "AT+MQTTSUB?\r\n"),
            (3L, LogDirection.FromModule, "+MQTTSUB: 1,\"$creq/#\",1\r\n+MQTTSUB: 2,\"$sys/p/d/dp/post/json/+\",0\r\n\r\nOK\r\n"),
            (9L, LogDirection.ToModule, "AT+CSQ\r\n"),
        }));
    }

    [Test]
    public void A_quote_never_closed_does_not_swallow_the_rows_after_it()
    {
        var rows = string.Concat(Enumerable.Range(0, CsvExportReader.MaxRowLines + 10).Select(i => $"10:{i / 60 % 60:00}:{i % 60:00}.100,RX,+CSQ: 20,99\n"));
        var (_, records) = TempLog.Read("time,dir,data\n10:00:00.000,TX,\"AT+CSQ\n" + rows);

        Assert.That(records[0].Text, Is.EqualTo("AT+CSQ\r\n"));
        Assert.That(records.Count(r => r.Text == "+CSQ: 20,99\r\n"), Is.EqualTo(CsvExportReader.MaxRowLines + 10));
    }

    [Test]
    public void A_header_a_chinese_tool_wrote_in_gbk_is_read()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var gbk = System.Text.Encoding.GetEncoding(936);
        var log = gbk.GetBytes("时间,方向,数据\r\n10:11:12.345,发送,AT+CSQ\r\n10:11:12.392,接收,\"+CSQ: 20,99\"\r\n10:11:12.393,接收,OK\r\n");

        var (source, records) = TempLog.Read(log);

        Assert.That(source.Format, Is.EqualTo(LogFormat.CsvExport));
        Assert.That(records.Select(r => (r.Direction, r.Text)), Is.EqualTo(new[]
        {
            (LogDirection.ToModule, "AT+CSQ\r\n"), (LogDirection.FromModule, "+CSQ: 20,99\r\n"), (LogDirection.FromModule, "OK\r\n"),
        }));
    }

    [Test]
    public void Two_exports_joined_with_cat_are_read_by_their_own_headers()
    {
        // The second export starts with the byte order mark its tool wrote, now in the middle of the file.
        var (_, records) = TempLog.Read("时间,方向,数据\r\n10:11:12.345,发送,AT+CSQ\r\n10:11:12.392,接收,OK\r\n" +
            "\uFEFF序号,时间,收/发,内容\r\n1,10:12:00.100,发,AT+CGATT?\r\n2,10:12:00.150,收,\"+CGATT: 1\r\n\r\nOK\"\r\n");

        Assert.That(records.Select(r => (r.Line, r.Direction, r.Text)), Is.EqualTo(new[]
        {
            (2L, LogDirection.ToModule, "AT+CSQ\r\n"), (3L, LogDirection.FromModule, "OK\r\n"),
            (5L, LogDirection.ToModule, "AT+CGATT?\r\n"), (6L, LogDirection.FromModule, "+CGATT: 1\r\n\r\nOK\r\n"),
        }));
    }

    [TestCase("unix_time,direction,data_hex\n1764497472.345,TX,41 54 2B 43 53 51 0D 0A\n1764497472.392,RX,0D 0A 2B 43 53 51 3A 20 32 30 2C 39 39 0D 0A 0D 0A 4F 4B 0D 0A\n")]
    [TestCase("时间,方向,数据(HEX),状态\n2026-11-30 10:11:12.345,Send,41 54 2B 43 53 51 0D 0A,OK\n2026-11-30 10:11:12.392,Receive,0D 0A 2B 43 53 51 3A 20 32 30 2C 39 39 0D 0A 0D 0A 4F 4B 0D 0A,OK\n")]
    public void A_data_column_named_for_hex_gives_the_bytes_it_writes(string log)
    {
        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, string.Join("|", e.Information))), Is.EqualTo(new[] { ("AT+CSQ", "OK", "+CSQ: 20,99") }));
        Assert.That(analysis.Exchanges[0].LatencyMs, Is.EqualTo(47).Within(1));
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
