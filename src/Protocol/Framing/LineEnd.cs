namespace Conformance.Protocol.Framing;

/// <summary>How a line of module output was ended. The manual frames every line as <c>\r\n&lt;text&gt;\r\n</c>; hosts
/// take the others too, so they are read, and said.</summary>
public enum LineEnd : byte
{
    /// <summary>No line end came before the frame: the start of the stream, or a frame right after a prompt, noise or an overlong line.</summary>
    None,
    /// <summary><c>\r\n</c>, as the manual writes it.</summary>
    CrLf,
    /// <summary><c>\n</c> alone.</summary>
    Lf,
    /// <summary><c>\r</c> alone.</summary>
    Cr,
    /// <summary><c>\r\r\n</c>.</summary>
    CrCrLf,
}
