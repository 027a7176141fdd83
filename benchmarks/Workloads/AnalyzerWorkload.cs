using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Timeline;

namespace Conformance.Benchmarks.Workloads;

/// <summary>The analyzer as a user runs it: on a capture file, format detected.</summary>
public static class AnalyzerWorkload
{
    /// <summary>Saves <paramref name="corpus"/> as a raw capture in the temp directory; returns its path.</summary>
    public static string WriteCapture(byte[] corpus, string name)
    {
        var file = Path.Combine(Path.GetTempPath(), $"m5310a-{name}-{Environment.ProcessId}.raw");
        File.WriteAllBytes(file, corpus);
        return file;
    }

    /// <summary>Analyses the capture end to end; returns the URC count so nothing is optimised away.</summary>
    public static long Analyze(string file) => TimelineBuilder.Analyze(LogSource.Open(file)).Summary.Urcs;
}
