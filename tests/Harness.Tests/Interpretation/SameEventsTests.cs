using Conformance.Protocol.Secrets;
using System.Text;
using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Timeline;
using Conformance.Corpora;
using Conformance.Harness.Session;
using Conformance.Harness.Tracing;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Events;

namespace Conformance.Harness.Tests.Interpretation;

/// <summary>
/// The harness session and the analyzer read the same bytes into the same events: every corpus and every case of
/// docs/interpretation.md, fed to both.
/// </summary>
public class SameEventsTests
{
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(30);

    /// <summary>What an event says, for comparison: kind, place, text, what it belongs to, its value's type and its deviations.</summary>
    private static string Describe(AtEvent e) =>
        $"{e.Kind} @{e.Offset}+{e.Length} '{e.Text}' cmd={e.Command} name={e.Name} value={e.Value?.GetType().Name} " +
        $"error={e.Error} deviations={string.Join(",", e.Deviations.Select(d => d.Code))}";

    /// <summary>The events the harness session reads while it sends the case's commands and receives its module output.</summary>
    internal static Task<(List<AtEvent> Events, AtSession Session, List<CommandReply> Replies)> HarnessReadsAsync(PolicyCase policy) =>
        HarnessReadsAsync(policy.Steps.Select(s => (s.IsData ? null : s.Host, Encoding.UTF8.GetBytes(s.Module))));

    private static async Task<(List<AtEvent> Events, AtSession Session, List<CommandReply> Replies)> HarnessReadsAsync(
        IEnumerable<(string? Command, byte[] Module)> steps)
    {
        var stream = new FeedStream();
        var session = new AtSession(stream, new TraceRecorder(TextWriter.Null, TimeProvider.System, "feed", SecretMasker.Shown), TimeProvider.System);
        var events = new List<AtEvent>();
        session.EventRead += events.Add;
        session.Start();
        var replies = new List<Task<CommandReply>>();
        foreach (var (command, module) in steps)
        {
            if (command is not null) replies.Add(session.SendAsync(AtCommandParser.Parse(command).Value!, Answer));
            await stream.PushAsync(module);
        }
        return (events, session, [.. await Task.WhenAll(replies)]);
    }

    private static List<AtEvent> AnalyzerReads(IEnumerable<LogRecord> records)
    {
        var builder = new TimelineBuilder();
        var events = new List<AtEvent>();
        builder.EventRead += events.Add;
        foreach (var record in records) builder.Add(record);
        builder.Complete();
        return events;
    }

    private static IEnumerable<LogRecord> Records(PolicyCase policy)
    {
        var line = 1L;
        foreach (var step in policy.Steps)
        {
            if (step.Host is { } host)
                yield return new LogRecord(line++, "case.log", null, null, LogDirection.ToModule, Encoding.UTF8.GetBytes(host + "\r\n"));
            yield return new LogRecord(line++, "case.log", null, null, LogDirection.FromModule, Encoding.UTF8.GetBytes(step.Module));
        }
    }

    private static IEnumerable<PolicyCase> Cases => PolicyCase.All;

    [TestCaseSource(nameof(Cases))]
    public async Task Every_policy_case_reads_into_the_same_events(PolicyCase policy)
    {
        var (harness, session, _) = await HarnessReadsAsync(policy);
        await session.DisposeAsync();

        var analyzer = AnalyzerReads(Records(policy));

        Assert.That(harness.Select(Describe), Is.EqualTo(analyzer.Select(Describe)));
        Assert.That(harness, Is.Not.Empty);
    }

    [TestCase(CorpusKind.Typical)]
    [TestCase(CorpusKind.UrcFlood)]
    [TestCase(CorpusKind.LongHex)]
    [TestCase(CorpusKind.Noisy)]
    public async Task Every_corpus_reads_into_the_same_events(CorpusKind kind)
    {
        var corpus = ModuleOutput.Generate(kind, 256 * 1024);
        // The harness gets it in uneven chunks, as a port delivers them; the analyzer in one record.
        var chunks = corpus.Bytes.Chunk(3001).Select(chunk => ((string?)null, chunk));
        var (harness, session, _) = await HarnessReadsAsync(chunks);
        await session.DisposeAsync();

        var analyzer = AnalyzerReads([new LogRecord(1, "corpus.raw", null, null, LogDirection.FromModule, corpus.Bytes)]);

        Assert.That(harness, Has.Count.EqualTo(analyzer.Count));
        Assert.That(harness.Select(Describe), Is.EqualTo(analyzer.Select(Describe)));
    }
}
