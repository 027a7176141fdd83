using System.Text.Json;
using Conformance.Analyzer.Reports;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// Stamps finer than a millisecond (a CSV time column of seconds with seven digits, a time of day with four, a journal's
/// microseconds) give the same whole-millisecond latencies as a Tera Term log of the same traffic, in every report.
/// </summary>
public class FractionalLatencyTests
{
    // AT+CSQ answered after 90 ms, AT+CGATT? after 57 ms, as Tera Term stamps them (milliseconds).
    private const string TeraTerm = "[2026-11-30 14:00:00.100] AT+CSQ\r\n[2026-11-30 14:00:00.180] +CSQ: 20,99\r\n[2026-11-30 14:00:00.190] OK\r\n" +
        "[2026-11-30 14:00:01.000] AT+CGATT?\r\n[2026-11-30 14:00:01.050] +CGATT: 1\r\n[2026-11-30 14:00:01.057] OK\r\n";

    // The same traffic, stamped finer by the tools that wrote it.
    [TestCase("time,dir,data\n0.1004567,TX,AT+CSQ\n0.1806234,RX,\"+CSQ: 20,99\"\n0.1903999,RX,OK\n1.0000012,TX,AT+CGATT?\n1.0498870,RX,+CGATT: 1\n1.0573001,RX,OK\n",
        TestName = "seconds since the capture began, seven digits")]
    [TestCase("时间;方向;数据\r\n14:00:00.1004;发送;AT+CSQ\r\n14:00:00.1801;接收;+CSQ: 20,99\r\n14:00:00.1904;接收;OK\r\n14:00:01.0003;发送;AT+CGATT?\r\n14:00:01.0500;接收;+CGATT: 1\r\n14:00:01.0568;接收;OK\r\n",
        TestName = "a time of day with four digits of fraction")]
    [TestCase("Time [s];Direction;Data\r\n0,1004567;TX;AT+CSQ\r\n0,1806234;RX;+CSQ: 20,99\r\n0,1903999;RX;OK\r\n1,0000012;TX;AT+CGATT?\r\n1,0498870;RX;+CGATT: 1\r\n1,0573001;RX;OK\r\n",
        TestName = "a decimal comma")]
    public void A_csv_export_with_fractional_seconds_gives_the_whole_milliseconds_of_a_tera_term_log(string csv)
    {
        var teraTerm = TempLog.Analyze(TeraTerm);
        var exported = TempLog.Analyze(csv);

        Assert.That(teraTerm.Exchanges.Select(e => e.LatencyMs), Is.EqualTo(new double?[] { 90, 57 }));
        Assert.That(exported.Exchanges.Select(e => (e.Command, e.LatencyMs)), Is.EqualTo(teraTerm.Exchanges.Select(e => (e.Command, e.LatencyMs))));
        Assert.That(exported.Statistics.Commands.Select(c => (c.Command, c.MedianMs, c.MaxMs)), Is.EqualTo(teraTerm.Statistics.Commands.Select(c => (c.Command, c.MedianMs, c.MaxMs))));
    }

    [Test]
    public void The_reports_write_whole_milliseconds()
    {
        var analysis = TempLog.Analyze("time,dir,data\n0.1004567,TX,AT+CSQ\n0.1806234,RX,\"+CSQ: 20,99\"\n0.1903999,RX,OK\n");

        using var json = JsonDocument.Parse(JsonReport.Write(analysis));
        Assert.That(json.RootElement.GetProperty("exchanges")[0].GetProperty("latencyMs").GetRawText(), Is.EqualTo("90"));
        using var csv = new TempLog();
        CsvReport.Write(analysis, csv.Directory);
        Assert.That(File.ReadAllLines(Path.Combine(csv.Directory, "exchanges.csv"))[1], Does.EndWith(",OK,90,\"+CSQ: 20,99\""));
    }

    [Test]
    public void A_journal_with_microseconds_rounds_half_a_millisecond_up()
    {
        var analysis = TempLog.Analyze("2026-11-30T08:00:00.100000+0800 gw modem[311]: AT+CSQ\n2026-11-30T08:00:00.180200+0800 gw modem[311]: +CSQ: 20,99\n" +
            "2026-11-30T08:00:00.190500+0800 gw modem[311]: OK\n");

        Assert.That(analysis.Exchanges.Single().LatencyMs, Is.EqualTo(91));
    }
}
