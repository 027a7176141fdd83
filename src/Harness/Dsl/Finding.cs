namespace Conformance.Harness.Dsl;

/// <summary>A deviation from the manual's canonical form, or an unexpected URC: reported, not failed (unless strict).</summary>
/// <param name="Section">The manual section whose form is not met.</param>
/// <param name="Code">Stable kebab-case identifier, e.g. <c>no-space-after-colon</c>.</param>
/// <param name="Message">What differs.</param>
/// <param name="TraceLine">Where the evidence is in the trace.</param>
public sealed record Finding(string Section, string Code, string Message, int TraceLine)
{
    public override string ToString() => $"§{Section} {Code}: {Message} (trace line {TraceLine})";
}
