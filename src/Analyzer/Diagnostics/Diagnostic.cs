namespace Conformance.Analyzer.Diagnostics;

/// <summary>One finding about a log, at the original line it is about.</summary>
/// <param name="Code">Stable kebab-case code from <see cref="DiagnosticCodes"/>.</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Line">1-based line of the original log; 0 when it is about the log as a whole.</param>
/// <param name="Message">What is wrong, in the protocol's words, with the manual section where one applies.</param>
public sealed record Diagnostic(string Code, Severity Severity, long Line, string Message);
