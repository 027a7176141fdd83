namespace Conformance.Protocol.Syntax;

/// <summary>
/// One way a line differs from the manual's canonical form (spec §7). A finding, not a failure:
/// the value was still understood.
/// </summary>
/// <param name="Code">Stable kebab-case identifier, e.g. <c>no-space-after-colon</c>.</param>
/// <param name="Message">What differs, in words a firmware engineer understands.</param>
/// <param name="Section">The manual section whose canonical form is not met, e.g. <c>1.11</c>.</param>
public sealed record Deviation(string Code, string Message, string Section)
{
    public override string ToString() => $"{Code} (manual §{Section}): {Message}";
}
