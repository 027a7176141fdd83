namespace Conformance.Analyzer.Timeline;

/// <summary>How to analyse a log.</summary>
public sealed record AnalysisOptions
{
    /// <summary>Show secrets (MQTTCFG passwords, tokens, Wi-Fi keys: the secret policy) as sent instead of <c>***</c>.</summary>
    public bool ShowSecrets { get; init; }

    /// <summary>
    /// How many items each list of the <see cref="Analysis"/> keeps in detail (the first ones of the log).
    /// Counts and statistics always cover the whole log, so memory stays bounded on logs of any size.
    /// </summary>
    public int MaxStoredItems { get; init; } = 10_000;

    /// <summary>
    /// The log's format, when known: whether its records keep the port's own line ends, so that line ends of the module
    /// other than CR LF are said (<c>line-end</c>). <see cref="TimelineBuilder.Analyze(Readers.LogSource, AnalysisOptions?)"/> sets it.
    /// </summary>
    public Readers.LogFormat? Format { get; init; }

    /// <summary>Receives every item as it is made, also those beyond <see cref="MaxStoredItems"/> (a live view, a bulk export).</summary>
    public ITimelineSink? Sink { get; init; }
}
