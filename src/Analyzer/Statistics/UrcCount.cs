namespace Conformance.Analyzer.Statistics;

/// <summary>How often one URC arrived.</summary>
public sealed record UrcCount(string Name, long Count);
