namespace Conformance.Analyzer.Diagnostics;

/// <summary>How much a diagnostic matters.</summary>
public enum Severity
{
    /// <summary>Worth knowing; nothing is wrong with the session.</summary>
    Note,
    /// <summary>Something went wrong or breaks the manual, but the session went on.</summary>
    Warn,
    /// <summary>The session failed or the log cannot be trusted here.</summary>
    Error,
}
