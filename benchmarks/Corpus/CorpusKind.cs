namespace Conformance.Benchmarks.Corpus;

/// <summary>Which generated module-output corpus a benchmark reads.</summary>
public enum CorpusKind
{
    /// <summary>A realistic session: final results, URCs, information responses, publishes with payloads.</summary>
    Typical,
    /// <summary>The tokenizer's hardest input: runs of 1-byte lines and publishes with long hex payloads.</summary>
    WorstCase,
}
