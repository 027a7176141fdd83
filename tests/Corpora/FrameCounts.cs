namespace Conformance.Corpora;

/// <summary>
/// Frames of each kind in a corpus, as a tokenizer reading module output alone (host side unknown) must
/// report them.
/// </summary>
/// <param name="Info">Information responses, e.g. <c>+CSQ: 31,99</c> or a line without <c>+</c> after a read command.</param>
/// <param name="Final">Final results: <c>OK</c>, <c>ERROR</c>, <c>+CME ERROR: n</c>.</param>
/// <param name="Urc">Unsolicited result codes, publishes included.</param>
/// <param name="Publish">URCs that carry a message: <c>+MQTTPUBLISH</c>.</param>
/// <param name="Echo">Command lines the module echoed.</param>
/// <param name="Noise">Runs of bytes that form no line (power-up garbage).</param>
/// <param name="Overflow">Lines longer than the tokenizer's default frame limit.</param>
public sealed record FrameCounts(long Info, long Final, long Urc, long Publish, long Echo, long Noise, long Overflow)
{
    /// <summary>Every frame; a publish counts once (it is one of the URCs).</summary>
    public long Total => Info + Final + Urc + Echo + Noise + Overflow;
}
