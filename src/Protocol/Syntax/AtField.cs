namespace Conformance.Protocol.Syntax;

/// <summary>How a field of an AT argument list was written.</summary>
public enum Quoting
{
    /// <summary>Bare: <c>2</c>, <c>$dp</c>.</summary>
    None,
    /// <summary>ASCII double quotes, the manual's form: <c>"dev/gsm/u"</c>.</summary>
    Straight,
    /// <summary>Typographic quotes pasted from vendor documents: <c>”dev/gsm/u”</c>.</summary>
    Curly,
}

/// <summary>One comma-separated field of an AT argument list, with its quotes removed.</summary>
/// <param name="Value">The text between the quotes (or the bare text).</param>
/// <param name="Quoting">How the field was quoted.</param>
/// <param name="Start">Zero-based position of the field's first character in the parsed text.</param>
public readonly record struct AtField(string Value, Quoting Quoting, int Start)
{
    public bool IsQuoted => Quoting != Quoting.None;
}
