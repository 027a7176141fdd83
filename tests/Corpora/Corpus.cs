namespace Conformance.Corpora;

/// <summary>Generated module output and the frames the tokenizer must find in it.</summary>
/// <param name="Kind">What the bytes are.</param>
/// <param name="Bytes">The module output, ending with a line end.</param>
/// <param name="Frames">The frames written, counted while generating.</param>
public sealed record Corpus(CorpusKind Kind, byte[] Bytes, FrameCounts Frames);
