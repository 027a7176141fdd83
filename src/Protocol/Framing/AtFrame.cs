using Conformance.Protocol.Responses;

namespace Conformance.Protocol.Framing;

/// <summary>
/// One frame of module output. The spans point into the tokenizer's input or its small carry buffer and are
/// valid only until the next call to <see cref="AtTokenizer.TryRead"/>: copy what you keep.
/// </summary>
public readonly ref struct AtFrame
{
    /// <summary>What the frame is.</summary>
    public FrameKind Kind { get; init; }

    /// <summary>Stream offset (bytes since the tokenizer started) of the frame's first byte.</summary>
    public long Offset { get; init; }

    /// <summary>Bytes of the stream the frame covers, line end and message included; for an overflow, the whole line's length.</summary>
    public long Length { get; init; }

    /// <summary>The line without its line end. For <c>+MQTTPUBLISH</c>, the header up to and including msg_len; for an overflow, the first bytes only.</summary>
    public ReadOnlySpan<byte> Text { get; init; }

    /// <summary>The message of a <c>+MQTTPUBLISH</c>: exactly msg_len bytes (fewer only if <see cref="IsTruncated"/>).</summary>
    public ReadOnlySpan<byte> Payload { get; init; }

    /// <summary>True for a <c>+MQTTPUBLISH</c> frame, whose message is in <see cref="Payload"/>.</summary>
    public bool HasPayload { get; init; }

    /// <summary>True when the message followed msg_len on the same line (<c>...,14,update message</c>) rather than on the next line.</summary>
    public bool PayloadInline { get; init; }

    /// <summary>True when the input ended before the frame did (last line without line end, message shorter than msg_len).</summary>
    public bool IsTruncated { get; init; }

    /// <summary>For a final frame, which result code.</summary>
    public FinalResultKind? Result { get; init; }

    /// <summary>For <c>+CME ERROR: n</c>, the number n; -1 otherwise (also for verbose text).</summary>
    public int ErrorCode { get; init; }
}
