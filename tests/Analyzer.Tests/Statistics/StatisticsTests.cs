using Conformance.Analyzer.Statistics;
using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Tests.Statistics;

public class StatisticsTests
{
    [Test]
    public void Each_command_gets_its_count_outcomes_and_latencies()
    {
        var log = new Log()
            .Exchange("AT+CSQ", "\r\n+CSQ: 1,99\r\nOK\r\n", 10)
            .Exchange("AT+CSQ", "\r\n+CSQ: 1,99\r\nOK\r\n", 30)
            .Exchange("AT+CSQ", "\r\nERROR\r\n", 20)
            .Send("AT+CSQ")
            .Exchange("AT", "\r\nOK\r\n", 5);

        var statistics = TimelineBuilder.Analyze(log.Records).Statistics;

        var csq = statistics.Commands.Single(c => c.Command == "AT+CSQ");
        Assert.That((csq.Count, csq.Ok, csq.Errors, csq.Timeouts), Is.EqualTo((4L, 2L, 1L, 1L)));
        Assert.That((csq.MinMs, csq.MedianMs, csq.MaxMs), Is.EqualTo(((double?)10, (double?)20, (double?)30)));
        Assert.That(statistics.Commands.Select(c => c.Command), Is.EqualTo(new[] { "AT", "AT+CSQ" }));
    }

    [Test]
    public void Urcs_are_counted_by_name()
    {
        var statistics = TimelineBuilder.Analyze(Sessions.Reconnection().Records).Statistics;

        Assert.That(statistics.Urcs.ToDictionary(u => u.Name, u => u.Count),
            Is.EquivalentTo(new Dictionary<string, long> { ["+MQTTOPEN"] = 1, ["+MQTTTO"] = 3, ["+MQTTREC"] = 3, ["+MQTTDISC"] = 1 }));
    }

    [Test]
    public void Commands_and_urcs_beyond_the_row_limit_share_one_row_each()
    {
        // Junk read as lines (a capture at the wrong baud rate) names a new command or URC on every line.
        var log = new Log();
        for (var i = 0; i < StatisticsBuilder.MaxRows + 5; i++)
            log.Exchange($"AT+Q{i:X5}", "\r\nOK\r\n", 10).Receive($"\r\n+Z{i:X5}: 1\r\n");

        var statistics = TimelineBuilder.Analyze(log.Records).Statistics;

        Assert.That(statistics.Commands, Has.Count.EqualTo(StatisticsBuilder.MaxRows + 1));
        Assert.That(statistics.Commands[^1], Is.EqualTo(new CommandStatistics(StatisticsBuilder.OtherCommands, 5, 5, 0, 0, 10, 10, 10, 10)));
        Assert.That(statistics.Commands.Sum(c => c.Count), Is.EqualTo(StatisticsBuilder.MaxRows + 5));
        Assert.That(statistics.Urcs, Has.Count.EqualTo(StatisticsBuilder.MaxRows + 1));
        Assert.That(statistics.Urcs[^1], Is.EqualTo(new UrcCount(StatisticsBuilder.OtherUrcs, 5)));
    }

    [Test]
    public void Uptime_is_the_time_connected()
    {
        // Connected at +MQTTOPEN: OK; the connection is lost at the first +MQTTREC, 245 s later.
        var statistics = TimelineBuilder.Analyze(Sessions.Reconnection().Records).Statistics;

        Assert.That(statistics.UptimeMs, Is.EqualTo(245_000));
    }
}
