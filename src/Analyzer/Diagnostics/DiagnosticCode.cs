namespace Conformance.Analyzer.Diagnostics;

/// <summary>A kind of finding: its stable code, its severity and what it means.</summary>
public sealed record DiagnosticCode(string Code, Severity Severity, string Meaning)
{
    /// <summary>A diagnostic of this kind at <paramref name="line"/>.</summary>
    public Diagnostic At(long line, string message) => new(Code, Severity, line, message);
}
