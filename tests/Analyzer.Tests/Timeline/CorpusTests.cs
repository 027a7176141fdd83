using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Timeline;
using Conformance.Corpora;

namespace Conformance.Analyzer.Tests.Timeline;

/// <summary>The analyzer reading the benchmark corpora as raw captures: every URC counted, every over-long line reported.</summary>
public class CorpusTests
{
    private static Analysis AnalyzeRawCapture(Corpus corpus)
    {
        var directory = Directory.CreateTempSubdirectory("conformance-corpus-");
        try
        {
            var path = Path.Combine(directory.FullName, $"{corpus.Kind}.raw");
            File.WriteAllBytes(path, corpus.Bytes);
            return TimelineBuilder.Analyze(LogSource.Open(path, LogFormat.Raw).Read());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [TestCase(CorpusKind.Noisy)]
    [TestCase(CorpusKind.UrcFlood)]
    public void A_raw_capture_of_the_corpus_counts_every_urc_and_reports_every_overflow(CorpusKind kind)
    {
        var corpus = ModuleOutput.Generate(kind, 1024 * 1024);

        var analysis = AnalyzeRawCapture(corpus);

        Assert.That(analysis.Summary.Urcs, Is.EqualTo(corpus.Frames.Urc));
        Assert.That(analysis.Diagnostics.Count(d => d.Code == DiagnosticCodes.LineTooLong.Code), Is.EqualTo(corpus.Frames.Overflow));
        Assert.That(analysis.Diagnostics, Has.Count.EqualTo(analysis.Summary.Diagnostics), "every diagnostic was kept, so none is missed above");
    }

    /// <summary>
    /// What one byte of log costs the analyzer end to end (read, tokenize, interpret, build the timeline), counted
    /// deterministically: allocations are what limits its speed (benchmarks/README.md), so they must not creep up.
    /// Measured 5.8 B per byte on the typical corpus (the text of each line that does not repeat, the typed value of
    /// each URC, the records of a raw capture; the timeline borrows the reader's one event object and reuses one pending
    /// command, and an ack after the first of its form costs no parse) and 3.8 on the URC flood; 9.5 and 4.1 when each
    /// line was an event object.
    /// </summary>
    [TestCase(CorpusKind.Typical, 6.2)]
    [TestCase(CorpusKind.UrcFlood, 4.0)]
    public void The_analyzer_allocates_a_bounded_number_of_bytes_per_byte_of_log(CorpusKind kind, double limit)
    {
        var corpus = ModuleOutput.Generate(kind, 4 * 1024 * 1024);
        AnalyzeRawCapture(ModuleOutput.Generate(kind, 64 * 1024));   // one-off costs: types, tables, the JIT

        var before = GC.GetAllocatedBytesForCurrentThread();
        AnalyzeRawCapture(corpus);
        var perByte = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / corpus.Bytes.Length;

        Assert.That(perByte, Is.LessThan(limit), $"{perByte:0.0} B allocated per byte of {kind} log");
    }

    /// <summary>
    /// The same for a Tera Term-style log read in place (both sides, a stamp per line): measured 4.0 B per byte, 6.7
    /// when each module line was an event object and each command a pending object of its own.
    /// </summary>
    [Test]
    public void A_timestamped_log_read_in_place_allocates_a_bounded_number_of_bytes_per_byte()
    {
        var directory = Directory.CreateTempSubdirectory("conformance-corpus-");
        try
        {
            var path = Path.Combine(directory.FullName, "session.log");
            File.WriteAllBytes(path, TimestampedLog.Generate(64 * 1024).Bytes);
            TimelineBuilder.Analyze(LogSource.Open(path));   // one-off costs
            var log = TimestampedLog.Generate(4 * 1024 * 1024).Bytes;
            File.WriteAllBytes(path, log);

            var before = GC.GetAllocatedBytesForCurrentThread();
            var analysis = TimelineBuilder.Analyze(LogSource.Open(path));
            var perByte = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / log.Length;

            Assert.That(analysis.Summary.Commands, Is.GreaterThan(10_000), "the log was read as a session");
            Assert.That(perByte, Is.LessThan(4.5), $"{perByte:0.0} B allocated per byte of the timestamped log");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
