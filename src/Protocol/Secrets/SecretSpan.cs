namespace Conformance.Protocol.Secrets;

/// <summary>Where a secret lies in a line of text: the characters replaced by <see cref="SecretPolicy.Mask"/>.</summary>
/// <param name="Start">Where the secret starts.</param>
/// <param name="Length">How many characters it has.</param>
/// <param name="Unsure">Masked because where the secret ends is not known (a garbled line): not remembered as a value.</param>
public readonly record struct SecretSpan(int Start, int Length, bool Unsure = false)
{
    public int End => Start + Length;
}
