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

    [Test]
    public void Lines_of_tens_of_kilobytes_are_kept_whole_until_the_budget_is_spent_then_by_their_start_and_length()
    {
        // A device uploading a 30 KB hex image that the module refuses, a thousand times: each command, and the
        // finding quoting it, would keep 30 KB, a thousand times over.
        var image = new string('A', 30_000);
        var log = new Log();
        var commands = Enumerable.Range(0, 1000).Select(i => $"AT+MQTTPUB=\"t\",1,0,0,5,\"{i:D4}{image}\"").ToList();
        foreach (var command in commands) log.Exchange(command, "\r\nERROR\r\n");
        log.Exchange("AT+CGMR", $"\r\n+CGMR: {image}\r\nOK\r\n").Receive($"\r\n+ZZZ: {image}\r\n");

        var analysis = TimelineBuilder.Analyze(log.Records);

        static string Short(string whole) => $"{whole[..KeptText.ShortenedLength]}… ({whole.Length} characters)";
        var kept = analysis.Exchanges.Take(1000).Select(e => e.Command).ToList();
        Assert.That(kept[0], Is.EqualTo(commands[0]));
        Assert.That(kept[^1], Is.EqualTo(Short(commands[^1])));
        Assert.That(kept.Select((text, i) => text == commands[i] || text == Short(commands[i])), Has.All.True);
        Assert.That(analysis.Exchanges[^1].Information.Single(), Is.EqualTo(Short($"+CGMR: {image}")));
        Assert.That(analysis.Urcs.Single().Text, Is.EqualTo(Short($"+ZZZ: {image}")));
        var texts = analysis.Exchanges.Select(e => e.Command).Concat(analysis.Diagnostics.Select(d => d.Message)).Concat(analysis.Urcs.Select(u => u.Text));
        Assert.That(texts.Where(t => t.Length > KeptText.ShortenedLength + 30).Sum(t => (long)t.Length), Is.LessThanOrEqualTo(KeptText.Budget));
        // The statistics still count and group every command.
        Assert.That(analysis.Statistics.Commands.Single(c => c.Command.StartsWith("AT+MQTTPUB")), Has.Property("Command").EqualTo("AT+MQTTPUB=").And.Property("Errors").EqualTo(1000));
    }
}
