using Conformance.Analyzer.Timeline;

namespace Conformance.Fleet.Ingest;

/// <summary>Whether an analysed log holds AT traffic at all, or only lines nobody could name (a binary file read as text).</summary>
public static class AtTraffic
{
    private const string UnnamedUrc = "(other)";

    /// <summary>True when the log has a command or a named URC.</summary>
    public static bool Found(Analysis analysis) =>
        analysis.Summary.Commands > 0 || analysis.Statistics.Urcs.Any(u => u.Name != UnnamedUrc);
}
