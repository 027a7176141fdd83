using Conformance.Analyzer.Readers;
using Conformance.Protocol.Codes;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// CSV exports whose columns say more than a time, a direction and the data, written by hand as the tools write them:
/// a column that says per row whether the data is text or hex (a 串口调试助手's export, SSCOM, a logic analyzer's UART
/// decoder, a Python logger), the date and the time in columns of their own, and a time column of seconds since the
/// capture began.
/// </summary>
public class CsvColumnsTests
{
    // The same exchange in each tool's words: AT+CSQ, then +CSQ: 20,99 and OK; some rows as text, some as hex.
    [TestCase("time,dir,mode,data\n2026-11-30 10:11:12.345,TX,ASCII,AT+CSQ\n" +
        "2026-11-30 10:11:12.392,RX,HEX,0D 0A 2B 43 53 51 3A 20 32 30 2C 39 39 0D 0A 0D 0A 4F 4B 0D 0A\n", TestName = "mode ASCII/HEX")]
    [TestCase("\uFEFF时间,方向,显示格式,数据\r\n10:11:12.345,发送,十六进制,41 54 2B 43 53 51 0D 0A\r\n" +
        "10:11:12.392,接收,文本,\"+CSQ: 20,99\r\n\r\nOK\"\r\n", TestName = "显示格式 文本/十六进制, the command in hex")]
    [TestCase("Time;Direction;Format;Data\r\n10:11:12.345;Send;Text;AT+CSQ\r\n10:11:12.392;Receive;Hex;0D0A2B4353513A2032302C39390D0A\r\n" +
        "10:11:12.393;Receive;Text;OK\r\n", TestName = "Format Text/Hex, hex run together")]
    [TestCase("timestamp,direction,encoding,payload\n1764497472.345,out,str,AT+CSQ\n1764497472.392,in,hex,0d0a2b4353513a2032302c39390d0a0d0a4f4b0d0a\n",
        TestName = "a Python logger's str/hex in lower case")]
    [TestCase("Time,Dir,A/H,Data\n10:11:12.345,TX,A,AT+CSQ\n10:11:12.392,RX,H,0x0D 0x0A 0x2B 0x43 0x53 0x51 0x3A 0x20 0x32 0x30 0x2C 0x39 0x39 0x0D 0x0A\n" +
        "10:11:12.393,RX,H,0D-0A-4F-4B-0D-0A\n", TestName = "A/H letters, 0x bytes and dashes")]
    [TestCase("时间,类型,数据\n10:11:12.345,发送(HEX),41 54 2B 43 53 51 0D 0A\n10:11:12.392,接收(ASCII),\"+CSQ: 20,99\"\n10:11:12.393,接收(ASCII),OK\n",
        TestName = "the notation beside the direction: 发送(HEX)")]
    [TestCase("No.,Time,Dir,Display As,Data\r\n1,10:11:12.345,Tx,Hex,41 54 2B 43 53 51 0D 0A\r\n2,10:11:12.392,Rx,Ascii,\"+CSQ: 20,99\"\r\n3,10:11:12.393,Rx,Ascii,OK\r\n",
        TestName = "a column not named for the notation that still says it")]
    public void A_column_saying_text_or_hex_per_row_gives_each_row_as_it_is_written(string log)
    {
        Assert.That(TempLog.Read(log).Source.Format, Is.EqualTo(LogFormat.CsvExport));

        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, string.Join("|", e.Information))), Is.EqualTo(new[] { ("AT+CSQ", "OK", "+CSQ: 20,99") }));
        Assert.That(analysis.Exchanges[0].LatencyMs, Is.EqualTo(47).Within(1));
    }

    [Test]
    public void A_row_said_to_be_text_is_never_read_as_hex_though_its_column_is_named_for_hex()
    {
        // A tool that names its data column for hex and still writes some rows as text: a text row of hex digits stays text.
        var (_, records) = TempLog.Read("time,dir,type,data_hex\n10:11:12.345,TX,HEX,41 54 2B 43 53 51 0D 0A\n10:11:12.392,RX,ASCII,+CSQ: 20,99\n" +
            "10:11:12.400,TX,ASCII,AT+MQTTPUB=\"t\",1,0,0,4,ABCD\n");

        Assert.That(records.Select(r => r.Text), Is.EqualTo(new[] { "AT+CSQ\r\n", "+CSQ: 20,99\r\n", "AT+MQTTPUB=\"t\",1,0,0,4,ABCD\r\n" }));
    }

    [Test]
    public void A_hex_packet_cut_within_a_line_goes_on_in_the_next_row_and_a_command_without_its_line_end_stays_one()
    {
        // The tool wrote each read of the port as a row: the answer came in three packets. The commands were typed as
        // hex without their line end, as a tool that adds it itself shows them.
        var analysis = TempLog.Analyze("时间,方向,格式,数据\n" +
            "10:11:12.345,发送,HEX,41 54 2B 43 53 51\n" +
            "10:11:12.392,接收,HEX,0D 0A 2B 43 53 51 3A 20 32 30 2C\n" +
            "10:11:12.394,接收,HEX,39 39 0D 0A 0D 0A 4F\n" +
            "10:11:12.395,接收,HEX,4B 0D 0A\n" +
            "10:11:13.000,发送,HEX,41 54 2B 43 47 41 54 54 3F\n" +
            "10:11:13.050,接收,HEX,0D 0A 2B 43 47 41 54 54 3A 20 31 0D 0A 0D 0A 4F 4B 0D 0A\n");

        Assert.That(analysis.Exchanges.Select(e => (e.Line, e.Command, e.Final, string.Join("|", e.Information))), Is.EqualTo(new[]
        {
            (2L, "AT+CSQ", "OK", "+CSQ: 20,99"), (6L, "AT+CGATT?", "OK", "+CGATT: 1"),
        }));
        Assert.That(analysis.Diagnostics.Where(d => d.Severity > Severity.Note), Is.Empty);
    }

    // The date in a column of its own, as each locale writes it; the time with its milliseconds.
    [TestCase("Date,Time,Direction,Data\n2026-11-30,10:11:12.345,TX,AT+CSQ\n2026-11-30,10:11:12.392,RX,\"+CSQ: 20,99\"\n2026-11-30,10:11:12.393,RX,OK\n")]
    [TestCase("日期,时间,方向,数据\r\n2026/11/30,10:11:12.345,发送,AT+CSQ\r\n2026/11/30,10:11:12.392,接收,\"+CSQ: 20,99\"\r\n2026/11/30,10:11:12.393,接收,OK\r\n")]
    [TestCase("Date;Time;Direction;Data\r\n30.11.2026;10:11:12,345;TX;AT+CSQ\r\n30.11.2026;10:11:12,392;RX;+CSQ: 20,99\r\n30.11.2026;10:11:12,393;RX;OK\r\n")]
    [TestCase("日期,时间,收/发,内容\r\n2026年11月30日,10:11:12.345,发,AT+CSQ\r\n2026年11月30日,10:11:12.392,收,\"+CSQ: 20,99\"\r\n2026年11月30日,10:11:12.393,收,OK\r\n")]
    [TestCase("Date\tTime\tDir\tMessage\n11/30/2026\t10:11:12.345\tTX\tAT+CSQ\n11/30/2026\t10:11:12.392\tRX\t+CSQ: 20,99\n11/30/2026\t10:11:12.393\tRX\tOK\n")]
    public void A_date_and_a_time_in_columns_of_their_own_are_one_time(string log)
    {
        var analysis = TempLog.Analyze(log);

        var exchange = analysis.Exchanges.Single();
        Assert.That((exchange.Command, exchange.Final, exchange.Information.Single()), Is.EqualTo(("AT+CSQ", "OK", "+CSQ: 20,99")));
        Assert.That(exchange.Time, Is.EqualTo(new DateTimeOffset(2026, 11, 30, 10, 11, 12, 345, TimeSpan.Zero)), "the date and the time of day both");
        Assert.That(exchange.LatencyMs, Is.EqualTo(48).Within(1));
    }

    [Test]
    public void A_date_column_carries_a_session_over_midnight()
    {
        var analysis = TempLog.Analyze("日期,时间,方向,数据\n2026/11/30,23:59:59.900,发送,AT+CGATT?\n2026/12/01,00:00:00.150,接收,+CGATT: 1\n2026/12/01,00:00:00.151,接收,OK\n");

        var exchange = analysis.Exchanges.Single();
        Assert.That(exchange.Time, Is.EqualTo(new DateTimeOffset(2026, 11, 30, 23, 59, 59, 900, TimeSpan.Zero)));
        Assert.That(exchange.LatencyMs, Is.EqualTo(251).Within(1));
    }

    // Seconds since the capture began, as a logic analyzer's decoder or a script's timer writes them.
    [TestCase("Time [s],Direction,Data\n0.000000000,TX,AT+CSQ\n0.125000000,RX,OK\n1.000000000,TX,AT+CGATT?\n1.250000000,RX,+CGATT: 1\n1.251000000,RX,OK\n", TestName = "Time [s] with nine decimals")]
    [TestCase("Time [s];Direction;Data\n0,000;TX;AT+CSQ\n0,125;RX;OK\n1,000;TX;AT+CGATT?\n1,250;RX;+CGATT: 1\n1,251;RX;OK\n", TestName = "decimal commas in a semicolon export")]
    [TestCase("start_time,dir,data\n0,TX,AT+CSQ\n0.125,RX,OK\n1,TX,AT+CGATT?\n1.25,RX,+CGATT: 1\n1.251,RX,OK\n", TestName = "whole seconds written without their fraction")]
    [TestCase("time,dir,data\n2.5e-05,TX,AT+CSQ\n0.125025,RX,OK\n1.000025,TX,AT+CGATT?\n1.250025,RX,+CGATT: 1\n1.251025,RX,OK\n", TestName = "a first time in exponent notation")]
    [TestCase("elapsed_ms,dir,data\n0,TX,AT+CSQ\n125,RX,OK\n1000,TX,AT+CGATT?\n1250,RX,+CGATT: 1\n1251,RX,OK\n", TestName = "milliseconds as the name says")]
    public void Seconds_since_the_capture_began_give_the_latencies(string log)
    {
        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final)), Is.EqualTo(new[] { ("AT+CSQ", "OK"), ("AT+CGATT?", "OK") }));
        Assert.That(analysis.Exchanges.Select(e => e.LatencyMs ?? -1), Is.EqualTo(new[] { 125.0, 251.0 }).Within(1));
    }

    [Test]
    public void A_json_line_with_a_mode_and_a_date_of_its_own_is_read_the_same_way()
    {
        var analysis = TempLog.Analyze("""
            {"date":"2026-11-30","time":"10:11:12.345","dir":"tx","mode":"ascii","data":"AT+CSQ"}
            {"date":"2026-11-30","time":"10:11:12.392","dir":"rx","mode":"hex","data":"0D0A2B4353513A2032302C39390D0A0D0A4F4B0D0A"}
            """);

        var exchange = analysis.Exchanges.Single();
        Assert.That((exchange.Command, exchange.Final, exchange.Information.Single()), Is.EqualTo(("AT+CSQ", "OK", "+CSQ: 20,99")));
        Assert.That(exchange.Time, Is.EqualTo(new DateTimeOffset(2026, 11, 30, 10, 11, 12, 345, TimeSpan.Zero)));
    }
}
