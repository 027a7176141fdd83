namespace Conformance.Protocol.Codes;

/// <summary>How every report writes a severity: <c>note</c>, <c>warn</c>, <c>error</c>.</summary>
public static class SeverityNames
{
    public static string Name(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warn => "warn",
        _ => "note",
    };
}
