namespace Conformance.Corpora;

/// <summary>Which generated module-output corpus to read.</summary>
public enum CorpusKind
{
    /// <summary>A realistic session: final results, URCs, information responses, publishes with payloads.</summary>
    Typical,
    /// <summary>Back-to-back <c>+MQTTPUBLISH</c> URCs with payloads, both message forms, QoS 0/1/2.</summary>
    UrcFlood,
    /// <summary><c>$dp</c> publishes with hex payloads of 2–8 KB, incoming and echoed with their answers.</summary>
    LongHex,
    /// <summary>A terminal capture: mixed line ends, power-up garbage, runs of 1-byte lines, over-long lines.</summary>
    Noisy,
}
