using Conformance.Protocol.Responses;
using System.Text;
using System.Text.Unicode;
using Conformance.Protocol.Framing;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Events;

/// <summary>
/// One piece of module output and what it means: the single reading that the harness session, the analyzer's
/// timeline and <c>conformance frames</c> all consume.
/// </summary>
/// <param name="Kind">What it is.</param>
/// <param name="Offset">Stream offset of its first byte.</param>
/// <param name="Length">Bytes of the stream it covers, line end and message included.</param>
/// <param name="Text">The line without line end (for a publish, the header; for an overflow, the first bytes), decoded in
/// the encoding it was written in (<see cref="LineText"/>).</param>
public sealed record AtEvent(AtEventKind Kind, long Offset, long Length, string Text)
{
    // What few events carry (a publish's message, bytes that are not UTF-8) is held apart, so a log's millions of
    // OKs, acks and answer lines each cost a smaller object.
    private Rare? _rare;
    private int _result = -1;

    /// <summary>The exact bytes of <see cref="Text"/>.</summary>
    /// <remarks>Kept only when they are not UTF-8: valid UTF-8 comes back from the text byte for byte, so most lines keep no copy.</remarks>
    public byte[] Raw
    {
        get => _rare?.Raw ?? Encoding.UTF8.GetBytes(Text);
        init
        {
            if (!Utf8.IsValid(value)) _rare = (_rare ?? new Rare()) with { Raw = value };
        }
    }

    /// <summary>The command line it belongs to (echo, information, final result, prompt); null when nothing was pending.</summary>
    public string? Command { get; init; }

    /// <summary>For a URC, its name (<c>+MQTTSUBACK</c>, <c>RDY</c>); null otherwise.</summary>
    public string? Name { get; init; }

    /// <summary>What the typed parsers made of it; shared by the events of a line that repeats word for word.</summary>
    public Interpretation.Interpretation Meaning { get; init; } = Interpretation.Interpretation.None;

    /// <summary>The typed value where one parses: <c>FinalResult</c>, <c>InformationResponse</c>, <c>Urc</c> or the echoed <c>AtCommand</c>.</summary>
    public object? Value => Meaning.Value;

    /// <summary>How it differs from the manual: its form, or the order it came in.</summary>
    public IReadOnlyList<Deviation> Deviations => Meaning.Deviations;

    /// <summary>Why a line that should have a typed value could not be read; null when it could or needs none.</summary>
    public string? Error => Meaning.Error;

    /// <summary>Zero-based character position of <see cref="Error"/>; -1 when not applicable.</summary>
    public int ErrorPosition => Meaning.ErrorPosition;

    /// <summary>For a final result, which code.</summary>
    public FinalResultKind? Result
    {
        get => _result < 0 ? null : (FinalResultKind)_result;
        init => _result = value is { } kind ? (int)kind : -1;
    }

    /// <summary>For <c>+CME ERROR: n</c>, the number n; -1 otherwise.</summary>
    public int ErrorCode { get; init; } = -1;

    /// <summary>The message of a <c>+MQTTPUBLISH</c>, exactly as received; null for any other event.</summary>
    public byte[]? Payload
    {
        get => _rare?.Payload;
        init
        {
            if (value is not null) _rare = (_rare ?? new Rare()) with { Payload = value };
        }
    }

    /// <summary>True when a publish's message followed msg_len on the same line.</summary>
    public bool PayloadInline { get; init; }

    /// <summary>True when the input ended before the event did.</summary>
    public bool IsTruncated { get; init; }

    /// <summary>The parts of an event that few events have; compared by value, as the event is.</summary>
    private sealed record Rare
    {
        public byte[]? Raw { get; init; }
        public byte[]? Payload { get; init; }

        public bool Equals(Rare? other) => other is not null && Same(Raw, other.Raw) && Same(Payload, other.Payload);

        public override int GetHashCode() => HashCode.Combine(Raw?.Length, Payload?.Length);

        private static bool Same(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);
    }
}
