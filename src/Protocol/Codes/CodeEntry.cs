namespace Conformance.Protocol.Codes;

/// <summary>
/// One kind of finding: its stable kebab-case code, how much it matters, the manual section that states the rule and
/// what it means. Only <see cref="CodeList"/> makes entries, so no code exists outside it.
/// </summary>
public sealed class CodeEntry
{
    internal CodeEntry(string code, Severity severity, string section, string meaning)
    {
        Code = code;
        Severity = severity;
        Section = section;
        Meaning = meaning;
    }

    /// <summary>The code scripts and docs refer to, e.g. <c>no-space-after-colon</c>.</summary>
    public string Code { get; }

    public Severity Severity { get; }

    /// <summary>The manual section of the rule, e.g. <c>1.11</c>; empty when the rule is not one section's (each occurrence then names its own).</summary>
    public string Section { get; }

    /// <summary>One line: what it means when this code is reported.</summary>
    public string Meaning { get; }

    public override string ToString() => Code;
}
