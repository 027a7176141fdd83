namespace Conformance.Protocol.Framing;

/// <summary>Limits of an <see cref="AtTokenizer"/>.</summary>
public sealed record AtTokenizerOptions
{
    /// <summary>
    /// Longest frame kept, in bytes (line, or <c>+MQTTPUBLISH</c> header plus message). Longer ones become
    /// <see cref="FrameKind.Overflow"/> frames, so memory stays bounded by this number whatever the input.
    /// </summary>
    public int MaxFrameLength { get; init; } = 64 * 1024;

    /// <summary>How many leading bytes of an overflowing line are kept as its <see cref="AtFrame.Text"/>.</summary>
    public int OverflowPreviewLength { get; init; } = 64;

    /// <summary>
    /// Whether the host's commands are known. A capture of module output alone has no commands; the
    /// tokenizer then classifies lines by name only (see <see cref="LineClassifier"/>).
    /// </summary>
    public bool CommandsKnown { get; init; }

    /// <summary>
    /// Whether the line ends before each frame are told (<see cref="AtTokenizer.LineEndBefore"/>); off, they are always
    /// <see cref="LineEnd.None"/>. For a reader that judges the module's line ends: a run, a log that keeps the port's bytes.
    /// </summary>
    public bool ReadsLineEnds { get; init; }
}
