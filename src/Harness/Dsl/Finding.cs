using Conformance.Protocol.Codes;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Dsl;

/// <summary>A deviation from the manual's canonical form, or an unexpected URC: reported, not failed (unless strict).</summary>
public sealed record Finding
{
    private Finding(string section, string code, string message, int traceLine)
    {
        Section = section;
        Code = code;
        Message = message;
        TraceLine = traceLine;
    }

    /// <summary>A finding of the kind <paramref name="kind"/> at <paramref name="section"/> (the entry's own when empty).</summary>
    public static Finding Of(CodeEntry kind, string section, string message, int traceLine) =>
        new(section.Length > 0 ? section : kind.Section, kind.Code, message, traceLine);

    /// <summary>The finding a parse deviation becomes.</summary>
    public static Finding Of(Deviation deviation, int traceLine) => new(deviation.Section, deviation.Code, deviation.Message, traceLine);

    /// <summary>The manual section whose form is not met.</summary>
    public string Section { get; }

    /// <summary>Stable kebab-case code from <see cref="CodeList"/>, e.g. <c>no-space-after-colon</c>.</summary>
    public string Code { get; }

    /// <summary>What differs.</summary>
    public string Message { get; init; }

    /// <summary>Where the evidence is in the trace.</summary>
    public int TraceLine { get; }

    public override string ToString() => $"§{Section} {Code}: {Message} (trace line {TraceLine})";
}
