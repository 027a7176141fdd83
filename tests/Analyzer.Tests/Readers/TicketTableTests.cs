using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>A log pasted into a ticket or a wiki as a markdown table: a row a line, the traffic in its last cell.</summary>
public class TicketTableTests
{
    [TestCase("| time | dir | data |\n|------|-----|------|\n| 14:00:00.100 | TX | AT+CSQ |\n| 14:00:00.260 | RX | +CSQ: 18,99 |\n| 14:00:00.261 | RX | OK |\n| 14:00:01.000 | TX | AT+MQTTSUB=\"$creq/#\",1 |\n| 14:00:01.210 | RX | OK |\n| 14:00:02.900 | RX | +MQTTSUBACK: 1,1,\"$creq/#\" |\n")]
    [TestCase("| 时间 | 方向 | 数据 |\n| :--- | :---: | --- |\n| 2026-11-30 14:00:00.100 | 发送 | AT+CSQ |\n| 2026-11-30 14:00:00.260 | 接收 | +CSQ: 18,99 |\n| 2026-11-30 14:00:00.261 | 接收 | OK   |\n| 2026-11-30 14:00:01.000 | 发送 | AT+MQTTSUB=\"$creq/#\",1 |\n| 2026-11-30 14:00:01.210 | 接收 | OK |\n| 2026-11-30 14:00:02.900 | 接收 | +MQTTSUBACK: 1,1,\"$creq/#\" |\n")]
    public void The_rows_cells_give_time_direction_and_the_traffic_without_the_tables_bars(string table)
    {
        var analysis = TempLog.Analyze(table);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, e.LatencyMs)), Is.EqualTo(new (string, string?, double?)[]
        {
            ("AT+CSQ", "OK", 161), ("AT+MQTTSUB=\"$creq/#\",1", "OK", 210),
        }));
        Assert.That(analysis.Exchanges[0].Information, Is.EqualTo(new[] { "+CSQ: 18,99" }));
        Assert.That(analysis.Urcs.Select(u => u.Text), Is.EqualTo(new[] { "+MQTTSUBACK: 1,1,\"$creq/#\"" }));
        Assert.That(analysis.Diagnostics, Is.Empty);
    }
}
