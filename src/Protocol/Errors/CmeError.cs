namespace Conformance.Protocol.Errors;

/// <summary>One <c>+CME ERROR: &lt;n&gt;</c> code with its meaning and the manual section that lists it.</summary>
/// <param name="Code">The number after <c>+CME ERROR:</c>.</param>
/// <param name="Meaning">What the code means, in the 3GPP wording where one exists (that is also the verbose form).</param>
/// <param name="Section">The manual section that defines or uses the code.</param>
public sealed record CmeError(int Code, string Meaning, string Section);
