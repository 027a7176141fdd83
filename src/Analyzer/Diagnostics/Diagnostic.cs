using System.Text.Json.Serialization;
using Conformance.Protocol.Codes;

namespace Conformance.Analyzer.Diagnostics;

/// <summary>One finding about a log, at the original line it is about; made only from an entry of <see cref="CodeList"/>.</summary>
public sealed record Diagnostic
{
    // For reading a JSON report back: its codes were written from the list.
    [JsonConstructor]
    private Diagnostic(string code, Severity severity, long line, string message)
    {
        Code = code;
        Severity = severity;
        Line = line;
        Message = message;
    }

    /// <summary>A diagnostic of the kind <paramref name="kind"/> at <paramref name="line"/>.</summary>
    public static Diagnostic Of(CodeEntry kind, long line, string message) => new(kind.Code, kind.Severity, line, message);

    /// <summary>Stable kebab-case code from <see cref="DiagnosticCodes"/>.</summary>
    public string Code { get; }

    /// <summary>How much it matters.</summary>
    public Severity Severity { get; }

    /// <summary>1-based line of the original log; 0 when it is about the log as a whole.</summary>
    public long Line { get; }

    /// <summary>What is wrong, in the protocol's words, with the manual section where one applies.</summary>
    public string Message { get; }
}
