using Conformance.Protocol.Codes;

namespace Conformance.Protocol.Syntax;

/// <summary>
/// One way a line differs from the manual's canonical form (spec §7). A finding, not a failure:
/// the value was still understood.
/// </summary>
public sealed record Deviation
{
    private Deviation(CodeEntry kind, string message, string section)
    {
        Code = kind.Code;
        Severity = kind.Severity;
        Message = message;
        Section = section;
    }

    /// <summary>A deviation of the kind <paramref name="kind"/>, at <paramref name="section"/> (the entry's own when empty).</summary>
    public static Deviation Of(CodeEntry kind, string message, string section = "") =>
        new(kind, message, section.Length > 0 ? section : kind.Section);

    /// <summary>Stable kebab-case code from <see cref="CodeList"/>, e.g. <c>no-space-after-colon</c>.</summary>
    public string Code { get; }

    /// <summary>How much it matters, from the code's entry (a deviation is mostly a note).</summary>
    public Severity Severity { get; }

    /// <summary>What differs, in words a firmware engineer understands.</summary>
    public string Message { get; }

    /// <summary>The manual section whose canonical form is not met, e.g. <c>1.11</c>.</summary>
    public string Section { get; init; }

    public override string ToString() => $"{Code} (manual §{Section}): {Message}";
}
