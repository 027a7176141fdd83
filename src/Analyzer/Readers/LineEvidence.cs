namespace Conformance.Analyzer.Readers;

/// <summary>What one line of a sample says about a format.</summary>
internal enum LineEvidence
{
    /// <summary>The line carries the format's own marks.</summary>
    Match,
    /// <summary>The line could sit inside the format (a continuation, a blank line) but proves nothing.</summary>
    Neutral,
    /// <summary>The line carries another tool's marks.</summary>
    Foreign,
}
