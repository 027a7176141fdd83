namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// Stamps a locale wrote on a 12-hour clock: SecureCRT or a US Windows (<c>11/30/2026 1:00:01 PM</c>), a Chinese one
/// (<c>2026/11/30 下午 1:00:01</c>). Noon and one o'clock in the afternoon come in order, not twelve hours back.
/// </summary>
public class TwelveHourClockTests
{
    [TestCase("[11/30/2026 11:59:59 AM] AT+CSQ\n[11/30/2026 12:00:00 PM] +CSQ: 18,99\n[11/30/2026 12:00:00 PM] OK\n[11/30/2026 1:00:01 PM] AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\n[11/30/2026 1:00:01 PM] OK\n[11/30/2026 1:00:03 PM] +MQTTOPEN: OK\n")]
    [TestCase("2026/11/30 上午 11:59:59 TX: AT+CSQ\n2026/11/30 下午 12:00:00 RX: +CSQ: 18,99\n2026/11/30 下午 12:00:00 RX: OK\n2026/11/30 下午 1:00:01 TX: AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\n2026/11/30 下午 1:00:01 RX: OK\n2026/11/30 下午 1:00:03 RX: +MQTTOPEN: OK\n")]
    [TestCase("30/11/2026 11:59:59 am | modem | AT+CSQ\n30/11/2026 12:00:00 pm | modem | +CSQ: 18,99\n30/11/2026 12:00:00 pm | modem | OK\n30/11/2026 1:00:01 pm | modem | AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\n30/11/2026 1:00:01 pm | modem | OK\n30/11/2026 1:00:03 pm | modem | +MQTTOPEN: OK\n")]
    public void The_afternoon_is_read_after_the_morning(string log)
    {
        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Exchanges.Select(e => (e.Time, e.LatencyMs)), Is.EqualTo(new (DateTimeOffset?, double?)[]
        {
            (new DateTimeOffset(2026, 11, 30, 11, 59, 59, TimeSpan.Zero), null),
            (new DateTimeOffset(2026, 11, 30, 13, 0, 1, TimeSpan.Zero), null),
        }));
        Assert.That(analysis.Urcs.Single().Time, Is.EqualTo(new DateTimeOffset(2026, 11, 30, 13, 0, 3, TimeSpan.Zero)));
        // Whole seconds time no answer (whole-second-stamps says so); nothing else is found.
        Assert.That(analysis.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "whole-second-stamps" }), "no time going back at noon or at one");
    }
}
