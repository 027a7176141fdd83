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
}
