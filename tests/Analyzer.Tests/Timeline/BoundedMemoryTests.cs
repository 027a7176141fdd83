using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Tests.Timeline;

public class BoundedMemoryTests
{
    /// <summary>A long log generated lazily, as a reader streams it: command, answer, command, ...</summary>
    private static IEnumerable<LogRecord> Synthetic(int records)
    {
        var command = "AT+MQTTPUB=\"t\",1,0,0,0,\"x\"\r\n"u8.ToArray();
        var answer = "\r\nOK\r\n+MQTTPUBACK: 1,1\r\n"u8.ToArray();
        for (var i = 0; i < records; i++)
        {
            var time = TimeSpan.FromMilliseconds(i * 10);
            yield return new LogRecord(i + 1, "big.log", null, time, i % 2 == 0 ? LogDirection.ToModule : LogDirection.FromModule,
                i % 2 == 0 ? command : answer);
        }
    }

    [Test]
    public void Two_hundred_thousand_records_keep_only_the_first_details_but_count_everything()
    {
        var analysis = TimelineBuilder.Analyze(Synthetic(200_000), new AnalysisOptions { MaxStoredItems = 1000 });

        Assert.That(analysis.Summary.Commands, Is.EqualTo(100_000));
        Assert.That(analysis.Summary.Urcs, Is.EqualTo(100_000));
        Assert.That(analysis.Exchanges, Has.Count.EqualTo(1000));
        Assert.That(analysis.Urcs, Has.Count.EqualTo(1000));
        Assert.That(analysis.Summary.Omitted, Is.EqualTo(2 * 99_000));
        Assert.That(analysis.Statistics.Commands.Single().Count, Is.EqualTo(100_000));
        Assert.That(analysis.Statistics.Commands.Single().MedianMs, Is.EqualTo(10));
        Assert.That(analysis.Diagnostics, Is.Empty);
    }
}
