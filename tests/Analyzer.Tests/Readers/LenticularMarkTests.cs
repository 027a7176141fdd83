using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>Chinese tools and notes put the direction word in lenticular brackets (<c>【发送】</c>) or in ASCII ones (<c>[接收]</c>).</summary>
public class LenticularMarkTests
{
    [TestCase("【发送】AT+CGATT?\n【接收】+CGATT: 1\n【接收】OK\n【发送】AT+MQTTSTAT?\n【接收】+MQTTSTAT: 5\n【接收】OK\n")]
    [TestCase("[09:15:02.331]【发送】AT+CGATT?\n[09:15:02.402]【接收】+CGATT: 1\n[09:15:02.403]【接收】OK\n[09:15:03.010]【发送】AT+MQTTSTAT?\n[09:15:03.080]【接收】+MQTTSTAT: 5\n[09:15:03.081]【接收】OK\n")]
    [TestCase("[发送]AT+CGATT?\n[接收]+CGATT: 1\n[接收]OK\n[发送]AT+MQTTSTAT?\n[接收]+MQTTSTAT: 5\n[接收]OK\n")]
    [TestCase("【发出】 AT+CGATT?\n【收到】 +CGATT: 1\n【收到】 OK\n【发出】 AT+MQTTSTAT?\n【收到】 +MQTTSTAT: 5\n【收到】 OK\n")]
    public void The_bracketed_word_gives_the_direction(string log)
    {
        var (source, records) = TempLog.Read(log);

        Assert.That(source.Format, Is.EqualTo(LogFormat.Transcript));
        Assert.That(Traffic.Lines(records), Is.EqualTo(new[]
        {
            (LogDirection.ToModule, "AT+CGATT?"), (LogDirection.FromModule, "+CGATT: 1"), (LogDirection.FromModule, "OK"),
            (LogDirection.ToModule, "AT+MQTTSTAT?"), (LogDirection.FromModule, "+MQTTSTAT: 5"), (LogDirection.FromModule, "OK"),
        }));
    }
}
