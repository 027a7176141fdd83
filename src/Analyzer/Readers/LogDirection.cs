namespace Conformance.Analyzer.Readers;

/// <summary>Which way the bytes of a log record went.</summary>
public enum LogDirection
{
    /// <summary>Host to module: what the host sent.</summary>
    ToModule,
    /// <summary>Module to host: what the module answered or reported.</summary>
    FromModule,
    /// <summary>The log does not say and nothing allows a guess (text before the first stamp).</summary>
    Unknown,
}
