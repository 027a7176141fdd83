namespace Conformance.Protocol.Codes;

/// <summary>How much a finding matters: a diagnostic of the analyzer, a finding of a run, a parse deviation (a note).</summary>
public enum Severity
{
    /// <summary>Worth knowing; nothing is wrong with the session.</summary>
    Note,
    /// <summary>Something went wrong or breaks the manual, but the session went on.</summary>
    Warn,
    /// <summary>The session failed or the log cannot be trusted here.</summary>
    Error,
}
