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
/// <remarks>
/// Built only by <see cref="AtEventReader"/>. An event is kept by whoever receives it, unless the reader lends its
/// events (<see cref="AtEventReader.LendsEvents"/>): then one object is filled again for each event, and a consumer
/// that keeps nothing past the call (the analyzer's timeline) costs no object per line.
/// </remarks>
public sealed record AtEvent
{
    internal AtEvent() { }

    /// <summary>What it is.</summary>
    public AtEventKind Kind { get; private set; }

    /// <summary>Stream offset of its first byte.</summary>
    public long Offset { get; private set; }

    /// <summary>Bytes of the stream it covers, line end and message included.</summary>
    public long Length { get; private set; }

    /// <summary>The line without line end (for a publish, the header; for an overflow, the first bytes), decoded in
    /// the encoding it was written in (<see cref="LineText"/>).</summary>
    public string Text { get; private set; } = "";

    // What few events carry (a publish's message, bytes that are not UTF-8) is held apart, so a log's millions of
    // OKs, acks and answer lines each cost a smaller object.
    private Rare? _rare;
    private int _result = -1;

    /// <summary>Fills every part of the event: a new one, or the reader's lent one again.</summary>
    internal AtEvent Set(AtEventKind kind, long offset, long length, string text, byte[]? raw, string? command, string? name,
        Interpretation.Interpretation meaning, FinalResultKind? result, int errorCode, byte[]? payload, bool payloadInline, bool isTruncated,
        LineEnd lineEndBefore, long lineEndOffset)
    {
        (Kind, Offset, Length, Text, _rare) = (kind, offset, length, text, null);
        if (raw is not null) _rare = new Rare { Raw = raw };
        if (payload is not null) _rare = (_rare ?? new Rare()) with { Payload = payload };
        (Command, Name, Meaning, _result, ErrorCode) = (command, name, meaning, result is { } r ? (int)r : -1, errorCode);
        (PayloadInline, IsTruncated) = (payloadInline, isTruncated);
        (LineEndBefore, LineEndOffset) = (lineEndBefore, lineEndOffset);
        return this;
    }

    /// <summary>The exact bytes of <see cref="Text"/>.</summary>
    /// <remarks>Kept only when they are not UTF-8: valid UTF-8 comes back from the text byte for byte, so most lines keep no copy.</remarks>
    public byte[] Raw => _rare?.Raw ?? Encoding.UTF8.GetBytes(Text);

    /// <summary>True when <see cref="Text"/> was valid UTF-8, so it gives back its bytes and <see cref="Raw"/> would be a copy.</summary>
    internal bool IsUtf8 => _rare?.Raw is null;

    /// <summary>The command line it belongs to (echo, information, final result, prompt); null when nothing was pending.</summary>
    public string? Command { get; private set; }

    /// <summary>For a URC, its name (<c>+MQTTSUBACK</c>, <c>RDY</c>); null otherwise.</summary>
    public string? Name { get; private set; }

    /// <summary>What the typed parsers made of it; shared by the events of a line that repeats word for word.</summary>
    public Interpretation.Interpretation Meaning { get; private set; } = Interpretation.Interpretation.None;

    /// <summary>The typed value where one parses: <c>FinalResult</c>, <c>InformationResponse</c>, <c>Urc</c> or the echoed <c>AtCommand</c>.</summary>
    public object? Value => Meaning.Value;

    /// <summary>How it differs from the manual: its form, or the order it came in.</summary>
    public IReadOnlyList<Deviation> Deviations => Meaning.Deviations;

    /// <summary>Why a line that should have a typed value could not be read; null when it could or needs none.</summary>
    public string? Error => Meaning.Error;

    /// <summary>Zero-based character position of <see cref="Error"/>; -1 when not applicable.</summary>
    public int ErrorPosition => Meaning.ErrorPosition;

    /// <summary>For a final result, which code.</summary>
    public FinalResultKind? Result => _result < 0 ? null : (FinalResultKind)_result;

    /// <summary>For <c>+CME ERROR: n</c>, the number n; -1 otherwise.</summary>
    public int ErrorCode { get; private set; } = -1;

    /// <summary>The message of a <c>+MQTTPUBLISH</c>, exactly as received; null for any other event.</summary>
    public byte[]? Payload => _rare?.Payload;

    /// <summary>True when a publish's message followed msg_len on the same line.</summary>
    public bool PayloadInline { get; private set; }

    /// <summary>True when the input ended before the event did.</summary>
    public bool IsTruncated { get; private set; }

    /// <summary>How the line ends before it were made (<see cref="AtTokenizer.LineEndBefore"/>): the one that ended the line before.</summary>
    public LineEnd LineEndBefore { get; private set; }

    /// <summary>Stream offset where <see cref="LineEndBefore"/> began.</summary>
    public long LineEndOffset { get; private set; }

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
