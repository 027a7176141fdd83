namespace Conformance.Harness.Dsl;

/// <summary>URCs that must arrive in this order (PUBREC before PUBCOMP); other sequences may interleave with it.</summary>
public sealed class UrcSequence
{
    private readonly List<UrcPattern> _patterns;

    public UrcSequence(UrcPattern first) => _patterns = [first];

    public IReadOnlyList<UrcPattern> Patterns => _patterns;

    public UrcSequence Before(UrcPattern next)
    {
        _patterns.Add(next);
        return this;
    }

    public static implicit operator UrcSequence(UrcPattern pattern) => new(pattern);

    public override string ToString() => string.Join(" before ", _patterns);
}
