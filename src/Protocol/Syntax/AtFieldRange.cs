namespace Conformance.Protocol.Syntax;

/// <summary>Where a field's value lies in the split text, so a reader copies only the values it needs.</summary>
/// <param name="ValueStart">Position of the value's first character (inside the quotes), offset included.</param>
/// <param name="ValueLength">Length of the value.</param>
/// <param name="Quoting">How the field was quoted.</param>
/// <param name="Start">Position of the field's first character, as <see cref="AtField.Start"/>.</param>
internal readonly record struct AtFieldRange(int ValueStart, int ValueLength, Quoting Quoting, int Start)
{
    public bool IsQuoted => Quoting != Quoting.None;
}
