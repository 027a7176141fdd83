using Conformance.Protocol.Codes;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Dsl;

/// <summary>A deviation from the manual's canonical form, or an unexpected URC: reported, not failed (unless strict, an error or <see cref="FailsRun"/>).</summary>
public sealed record Finding
{
    private Finding(string section, string code, Severity severity, string message, int traceLine)
    {
        Section = section;
        Code = code;
        Severity = severity;
        Message = message;
        TraceLine = traceLine;
    }

    /// <summary>A finding of the kind <paramref name="kind"/> at <paramref name="section"/> (the entry's own when empty).</summary>
    public static Finding Of(CodeEntry kind, string section, string message, int traceLine) =>
        new(section.Length > 0 ? section : kind.Section, kind.Code, kind.Severity, message, traceLine);

    /// <summary>The finding a parse deviation becomes, at <paramref name="section"/> when the deviation names none.</summary>
    public static Finding Of(Deviation deviation, int traceLine, string section = "") =>
        new(deviation.Section.Length > 0 ? deviation.Section : section, deviation.Code, deviation.Severity, deviation.Message, traceLine);

    /// <summary>The manual section whose form is not met.</summary>
    public string Section { get; }

    /// <summary>Stable kebab-case code from <see cref="CodeList"/>, e.g. <c>no-space-after-colon</c>.</summary>
    public string Code { get; }

    /// <summary>How much it matters, from the code's entry: shown as the analyzer shows a diagnostic's.</summary>
    public Severity Severity { get; }

    /// <summary>What differs.</summary>
    public string Message { get; init; }

    /// <summary>
    /// True when it fails its scenario whatever its severity: what a log may show harmlessly (it may start mid-exchange)
    /// but a run, which saw every command, cannot, e.g. an ACK that answers nothing.
    /// </summary>
    public bool FailsRun { get; init; }

    /// <summary>Where the evidence is in the trace.</summary>
    public int TraceLine { get; }

    /// <summary>The finding without its severity: <c>§1.2 no-space-after-colon: … (trace line 4)</c>.</summary>
    public string Detail => $"§{Section} {Code}: {Message} (trace line {TraceLine})";

    /// <summary>Its severity and detail; one that fails its run reads as an error, whatever a log's reading would call it.</summary>
    public override string ToString() => $"{(FailsRun ? Severity.Error : Severity).Name()} {Detail}";
}
