namespace Conformance.Protocol.Secrets;

/// <summary>Where a secret lies in a line of text: the characters replaced by <see cref="SecretPolicy.Mask"/>.</summary>
public readonly record struct SecretSpan(int Start, int Length)
{
    public int End => Start + Length;
}
