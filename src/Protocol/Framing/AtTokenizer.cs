using System.Runtime.CompilerServices;

namespace Conformance.Protocol.Framing;

/// <summary>
/// Incremental, allocation-free tokenizer of M5310-A output: feed it chunks of any size, read frames.
/// Sans-I/O: it never reads a port or a clock. The frames for a byte stream are the same however the
/// stream is split into chunks.
/// </summary>
/// <remarks>
/// Line ends are <c>\r\n</c>, <c>\n</c>, <c>\r</c> or <c>\r\r\n</c>; every <c>\r</c> or <c>\n</c> ends a line
/// and the empty lines between them are dropped, so no look-ahead is needed at a chunk boundary.
/// <c>+MQTTPUBLISH</c> messages are cut by their declared msg_len, inline or on the next line. In the
/// next-line form the line end after the header is skipped first, so such a message cannot start with
/// <c>\r</c> or <c>\n</c> (the inline form carries any bytes).
/// A frame that does not fit in one chunk is assembled in a carry buffer bounded by
/// <see cref="AtTokenizerOptions.MaxFrameLength"/>.
/// </remarks>
public sealed class AtTokenizer
{
    private readonly int _max;
    private readonly int _preview;
    private readonly PendingCommand _pending;

    // Bytes of a frame that started in an earlier chunk.
    private byte[] _carry = new byte[256];
    private int _carryStart, _carryLength;   // live bytes are _carry[_carryStart.._carryStart+_carryLength]
    private long _carryOffset;               // stream offset of the first live carry byte
    private int _carryToRelease;             // bytes of the last frame read from the carry, released on the next call

    private long _position;                  // stream offset of the next byte of the caller's input

    // An overlong line being skipped up to its line end.
    private bool _discarding;
    private long _discardOffset, _discardLength;

    // An overlong +MQTTPUBLISH message being skipped by its declared length.
    private long _skipRemaining;
    private bool _skipLineEndFirst;

    private bool _afterPrompt;

    // The line ends consumed, told with the next frame; read only when asked (AtTokenizerOptions.ReadsLineEnds): most
    // readers never look, and the bookkeeping per frame was a fifth of the tokenizer's time.
    private LineEndReader _lineEnds;
    private readonly bool _readsLineEnds;

    public AtTokenizer(AtTokenizerOptions? options = null)
    {
        options ??= new AtTokenizerOptions();
        if (options.MaxFrameLength < 16) throw new ArgumentOutOfRangeException(nameof(options), "MaxFrameLength must be at least 16 bytes");
        _max = options.MaxFrameLength;
        _preview = Math.Clamp(options.OverflowPreviewLength, 0, _max);
        _pending = new PendingCommand(unknown: !options.CommandsKnown);
        _readsLineEnds = options.ReadsLineEnds;
    }

    /// <summary>Total bytes consumed so far (the stream offset of the next byte).</summary>
    public long Position => _position;

    /// <summary>
    /// Tells the tokenizer the host just sent <paramref name="commandLine"/>: its echo is recognised, and
    /// <c>+NAME</c> lines of the same name are its information responses until the final result.
    /// </summary>
    public void CommandSent(ReadOnlySpan<byte> commandLine) => _pending.Sent(commandLine);

    /// <summary>True while a command sent with <see cref="CommandSent"/> waits for its final result.</summary>
    public bool CommandPending => _pending.Active;

    /// <summary>
    /// Reads the next frame. Consumes from <paramref name="input"/> (advancing it) what it needs, keeping an
    /// incomplete frame for the next call. Returns false when <paramref name="input"/> is used up.
    /// </summary>
    /// <param name="input">Unread module output; advanced past what was consumed.</param>
    /// <param name="frame">The frame; its spans are valid until the next call.</param>
    /// <param name="isFinalBlock">True when no more input will ever come: an incomplete last frame is then
    /// returned as truncated instead of being kept.</param>
    public bool TryRead(ref ReadOnlySpan<byte> input, out AtFrame frame, bool isFinalBlock = false)
    {
        if (_carryToRelease > 0) Release(_carryToRelease);
        // Most frames are one whole line inside the input: read them without the general machinery.
        if (_carryLength == 0 && _skipRemaining == 0 && !_discarding && !_afterPrompt && TryReadLine(ref input, out frame)) return true;
        frame = default;

        while (true)
        {
            if (_skipRemaining > 0 && !SkipMessage(ref input)) return false;
            if (_discarding)
            {
                if (Discard(ref input, isFinalBlock, out frame)) return true;
                return false;
            }

            if (_carryLength > 0)
            {
                SkipLineEnds(CarrySpan, out var skipped);
                if (_readsLineEnds) _lineEnds.Read(CarrySpan[..skipped], _carryOffset);
                Release(skipped);
                if (_carryLength > 0)
                {
                    var final = isFinalBlock && input.IsEmpty;
                    var scan = Scan(CarrySpan, final);
                    if (scan.Status == ScanStatus.Frame)
                    {
                        frame = MakeFrame(CarrySpan, _carryOffset, scan);
                        _carryToRelease = scan.Consumed;
                        return true;
                    }
                    if (scan.Status == ScanStatus.TooLong)
                    {
                        frame = StartMessageSkip(CarrySpan, _carryOffset, scan, out var used);
                        _carryToRelease = used;
                        return true;
                    }
                    if (input.IsEmpty) return false;
                    if (Extend(ref input, scan.Needed, out frame)) return true;
                    continue;
                }
            }

            SkipLineEnds(input, out var skippedInput);
            if (_readsLineEnds) _lineEnds.Read(input[..skippedInput], _position);
            Advance(ref input, skippedInput);
            if (input.IsEmpty) return false;

            var result = Scan(input, isFinalBlock);
            switch (result.Status)
            {
                case ScanStatus.Frame:
                    frame = MakeFrame(input, _position, result);
                    Advance(ref input, result.Consumed);
                    return true;
                case ScanStatus.TooLong:
                    frame = StartMessageSkip(input, _position, result, out var used);
                    Advance(ref input, used);
                    return true;
                default:
                    if (input.Length > _max)
                    {
                        BeginDiscard(input[.._preview], _position, input.Length);
                        Advance(ref input, input.Length);
                        return false;
                    }
                    Append(input, _position);
                    Advance(ref input, input.Length);
                    return false;
            }
        }
    }

    /// <summary>
    /// The common case: a complete plain line or publish (not noise, a prompt or an overlong line) after any line
    /// ends. Anything else returns false having consumed nothing, for the general path to handle.
    /// </summary>
    private bool TryReadLine(ref ReadOnlySpan<byte> input, out AtFrame frame)
    {
        frame = default;
        var start = 0;
        while (start < input.Length && input[start] is (byte)'\r' or (byte)'\n') start++;
        if (start == input.Length) return false;
        var first = input[start];
        if (IsNoise(first) || first == (byte)'>') return false;
        var line = input[start..];
        var end = line.IndexOfAny((byte)'\r', (byte)'\n');
        if (end < 0 || end > _max) return false;
        if (first == (byte)'+' && PublishHeader.TryFind(line[..end], out var headerEnd, out var messageLength))
        {
            // A publish whose message is all here; anything else (more to come, too long) takes the general path.
            var scan = ScanPublish(line, end, headerEnd, messageLength, final: false);
            if (scan.Status != ScanStatus.Frame) return false;
            if (_readsLineEnds) _lineEnds.Read(input[..start], _position);
            frame = MakeFrame(line, _position + start, scan);
            Advance(ref input, start + scan.Consumed);
            return true;
        }

        var text = line[..end];
        var kind = LineClassifier.Classify(text, _pending, out var result, out var errorCode);
        if (kind == FrameKind.Final) _pending.Completed();
        if (_readsLineEnds) LineEndsAround(input[..start], _position, text, kind, _position + start + end, line[end]);
        frame = new AtFrame { Kind = kind, Offset = _position + start, Length = end + 1, Text = text, Result = result, ErrorCode = errorCode };
        Advance(ref input, start + end + 1);
        return true;
    }

    /// <summary>
    /// How the line ends between the frame just read and the one before were made: the first that is not CR LF, else
    /// <see cref="LineEnd.CrLf"/>; <see cref="LineEnd.None"/> when none came, or when line ends are not read
    /// (<see cref="AtTokenizerOptions.ReadsLineEnds"/>). A frame is handed out at the first byte of its own line end, so
    /// the line end that ends a line is told with the frame after it (an echo's, which the host typed, with none).
    /// </summary>
    /// <remarks>Told by the tokenizer, not carried by the frame: a frame is made per line, and stays small.</remarks>
    public LineEnd LineEndBefore { get; private set; }

    /// <summary>Stream offset of the first byte of <see cref="LineEndBefore"/>; meaningful unless that is <see cref="LineEnd.None"/>.</summary>
    public long LineEndOffset { get; private set; }

    private void FrameBegins()
    {
        if (!_readsLineEnds) return;
        LineEndBefore = _lineEnds.FrameBegins(out var offset);
        LineEndOffset = offset;
    }

    // The line ends around a frame, read in one call kept out of line: a tokenizer that reads none keeps its per-line
    // path as small as before.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void LineEndsAround(ReadOnlySpan<byte> before, long beforeAt, ReadOnlySpan<byte> text, FrameKind kind, long endAt, byte end)
    {
        _lineEnds.Read(before, beforeAt);
        FrameBegins();
        if (LineEndReader.IsEcho(text, kind)) _lineEnds.EndsEcho();
        _lineEnds.Read(end, endAt);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void LineEndsOf(ReadOnlySpan<byte> buffer, long offset, ScanResult scan, ReadOnlySpan<byte> text, FrameKind kind)
    {
        FrameBegins();
        if (!scan.HasPayload)
        {
            // The line's own line end (its first byte); the rest is read with the line ends before the next frame.
            if (LineEndReader.IsEcho(text, kind)) _lineEnds.EndsEcho();
            _lineEnds.Read(buffer[scan.TextLength..scan.Consumed], offset + scan.TextLength);
        }
        else if (!scan.Inline && scan.MessageStart > scan.HeaderEnd)
        {
            // The line end between a header and its message on the next line.
            _lineEnds.Read(buffer[scan.HeaderEnd..scan.MessageStart], offset + scan.HeaderEnd);
            _lineEnds.TextBegins();
        }
    }

    private ReadOnlySpan<byte> CarrySpan => _carry.AsSpan(_carryStart, _carryLength);

    private void Advance(ref ReadOnlySpan<byte> input, int count)
    {
        input = input[count..];
        _position += count;
    }

    private void Release(int count)
    {
        _carryStart += count;
        _carryLength -= count;
        _carryOffset += count;
        _carryToRelease = 0;
        if (_carryLength == 0) _carryStart = 0;
    }

    private void SkipLineEnds(ReadOnlySpan<byte> span, out int count)
    {
        count = 0;
        // The prompt's own space, or a line end, ends the prompt; anything else leaves it for the next frame.
        if (_afterPrompt && span.Length > 0 && span[0] is (byte)' ' or (byte)'\r' or (byte)'\n')
        {
            _afterPrompt = false;
            count = 1;
        }
        while (count < span.Length && span[count] is (byte)'\r' or (byte)'\n') count++;
    }

    /// <summary>
    /// Moves more input into the carry: up to <paramref name="needed"/> bytes in total, or up to the next line
    /// end, never past the frame limit. A carry that is full and still incomplete is an overlong line.
    /// </summary>
    private bool Extend(ref ReadOnlySpan<byte> input, int needed, out AtFrame frame)
    {
        frame = default;
        int take;
        if (needed > _carryLength) take = needed - _carryLength;
        else
        {
            var lineEnd = input.IndexOfAny((byte)'\r', (byte)'\n');
            take = lineEnd < 0 ? input.Length : lineEnd + 1;
        }
        take = Math.Min(Math.Min(take, input.Length), _max + 1 - _carryLength);
        if (take > 0)
        {
            Append(input[..take], _position);
            Advance(ref input, take);
            return false;
        }

        // Full and no frame in it: a plain line longer than the limit (messages are checked by Scan).
        var end = input.IndexOfAny((byte)'\r', (byte)'\n');
        var preview = CarrySpan[..Math.Min(_preview, _carryLength)];
        if (end >= 0)
        {
            frame = Overflow(preview, _carryOffset, _carryLength + (long)end);
            Advance(ref input, end);
            _carryToRelease = _carryLength;
            return true;
        }
        BeginDiscard(preview, _carryOffset, _carryLength + (long)input.Length);
        Advance(ref input, input.Length);
        return false;
    }

    private void Append(ReadOnlySpan<byte> bytes, long offset)
    {
        if (_carryLength == 0) { _carryStart = 0; _carryOffset = offset; }
        var need = _carryStart + _carryLength + bytes.Length;
        if (need > _carry.Length)
        {
            if (_carryLength + bytes.Length <= _carry.Length)
            {
                CarrySpan.CopyTo(_carry);
            }
            else
            {
                var bigger = new byte[Math.Max(_carryLength + bytes.Length, Math.Min(_carry.Length * 2, _max + 64))];
                CarrySpan.CopyTo(bigger);
                _carry = bigger;
            }
            _carryStart = 0;
        }
        bytes.CopyTo(_carry.AsSpan(_carryStart + _carryLength));
        _carryLength += bytes.Length;
    }

    private void BeginDiscard(ReadOnlySpan<byte> preview, long offset, long lengthSoFar)
    {
        // Keep only the preview: memory stays bounded however long the line is. The preview may alias
        // the carry; Span.CopyTo handles the overlap.
        if (preview.Length > _carry.Length) _carry = new byte[preview.Length];
        preview.CopyTo(_carry);
        _carryStart = 0;
        _carryLength = preview.Length;
        _carryOffset = offset;
        _carryToRelease = 0;
        _discarding = true;
        _discardOffset = offset;
        _discardLength = lengthSoFar;
    }

    private bool Discard(ref ReadOnlySpan<byte> input, bool isFinalBlock, out AtFrame frame)
    {
        frame = default;
        var end = input.IndexOfAny((byte)'\r', (byte)'\n');
        if (end < 0)
        {
            _discardLength += input.Length;
            Advance(ref input, input.Length);
            if (!isFinalBlock) return false;
        }
        else
        {
            _discardLength += end;
            Advance(ref input, end);
        }
        _discarding = false;
        frame = Overflow(CarrySpan, _discardOffset, _discardLength);
        _carryToRelease = _carryLength;
        return true;
    }

    private bool SkipMessage(ref ReadOnlySpan<byte> input)
    {
        if (_skipLineEndFirst)
        {
            var i = 0;
            while (i < input.Length && input[i] is (byte)'\r' or (byte)'\n') i++;
            if (_readsLineEnds) _lineEnds.Read(input[..i], _position);
            Advance(ref input, i);
            if (input.IsEmpty) return false;
            _skipLineEndFirst = false;
            if (_readsLineEnds) _lineEnds.TextBegins();
        }
        var n = (int)Math.Min(_skipRemaining, input.Length);
        Advance(ref input, n);
        _skipRemaining -= n;
        return _skipRemaining == 0;
    }

    private AtFrame StartMessageSkip(ReadOnlySpan<byte> buffer, long offset, ScanResult scan, out int consumed)
    {
        // The declared message does not fit: report it, then skip its bytes as they come, keeping none.
        if (scan.MessageStart >= 0)
        {
            var present = Math.Min(buffer.Length - scan.MessageStart, scan.MessageLength);
            consumed = scan.MessageStart + present;
            _skipRemaining = scan.MessageLength - present;
        }
        else
        {
            consumed = buffer.Length;   // header and the line end seen so far
            _skipRemaining = scan.MessageLength;
            _skipLineEndFirst = true;
        }
        // Length counts header and declared message, not the line end between them, so it is the same however the input was split.
        var frame = Overflow(buffer[..Math.Min(_preview, scan.HeaderEnd)], offset, (long)scan.HeaderEnd + scan.MessageLength);
        if (_readsLineEnds && !scan.Inline) _lineEnds.Read(buffer[scan.HeaderEnd..(scan.MessageStart >= 0 ? scan.MessageStart : consumed)], offset + scan.HeaderEnd);
        if (_readsLineEnds && scan.MessageStart >= 0) _lineEnds.TextBegins();
        return frame;
    }

    private AtFrame Overflow(ReadOnlySpan<byte> preview, long offset, long length)
    {
        FrameBegins();
        return new AtFrame { Kind = FrameKind.Overflow, Offset = offset, Length = length, Text = preview, ErrorCode = -1 };
    }

    private AtFrame MakeFrame(ReadOnlySpan<byte> buffer, long offset, ScanResult scan)
    {
        var text = buffer[..scan.TextLength];
        _afterPrompt = scan.Kind == FrameKind.Prompt;   // "> " : the space belongs to the prompt
        if (scan.Kind is FrameKind.Noise or FrameKind.Prompt or FrameKind.Overflow)
        {
            FrameBegins();
            return new AtFrame { Kind = scan.Kind, Offset = offset, Length = scan.Consumed, Text = text, ErrorCode = -1, IsTruncated = scan.Truncated };
        }

        var kind = LineClassifier.Classify(text, _pending, out var result, out var errorCode);
        if (kind == FrameKind.Final) _pending.Completed();
        if (_readsLineEnds) LineEndsOf(buffer, offset, scan, text, kind);
        return new AtFrame
        {
            Kind = kind,
            Offset = offset,
            Length = scan.Consumed,
            Text = text,
            Result = result,
            ErrorCode = errorCode,
            HasPayload = scan.HasPayload,
            PayloadInline = scan.Inline,
            Payload = scan.HasPayload ? buffer.Slice(scan.MessageStart, scan.PayloadLength) : default,
            IsTruncated = scan.Truncated,
        };
    }

    private enum ScanStatus { NeedMore, Frame, TooLong }

    /// <summary>What <see cref="Scan"/> found at the start of a buffer.</summary>
    private struct ScanResult
    {
        public ScanStatus Status;
        public FrameKind Kind;
        public int Consumed;
        public int Needed;           // NeedMore: total bytes wanted if known, else 0 (= up to the next line end)
        public int TextLength;
        public bool HasPayload, Inline, Truncated;
        public int HeaderEnd, MessageStart, MessageLength, PayloadLength;
    }

    /// <summary>
    /// Bytes that cannot start a line of text: control bytes (but tab and line ends), DEL, and bytes that
    /// cannot start a UTF-8 character (0x80–0xC1, 0xF5–0xFF) — what a UART delivers at power-up.
    /// </summary>
    private static bool IsNoise(byte b) => b is < 0x20 and not (byte)'\t' and not (byte)'\r' and not (byte)'\n'
        or 0x7F or (>= 0x80 and <= 0xC1) or >= 0xF5;

    private enum GbkScan { No, Text, NeedMore }

    /// <summary>
    /// Whether a line starting with a byte that cannot start UTF-8 is GBK text (a Chinese tool's line, <c>查询SIM卡状态</c>)
    /// rather than power-up noise: its first character is a GBK pair of two high bytes, the whole line up to its end
    /// reads as GBK (printable ASCII and lead/trail pairs, no control byte, no 0x80 or 0xFF), and one of its Chinese
    /// characters has a byte of 0xC2 or more, which power-up noise (0x80–0xC1) does not. Noise glued to a line
    /// (<c>\x90\x91OK</c>) stays noise, so the <c>OK</c> is kept.
    /// </summary>
    private GbkScan GbkLine(ReadOnlySpan<byte> buffer, bool final)
    {
        if (buffer[0] is < 0x81 or > 0xC1) return GbkScan.No;
        if (buffer.Length < 2) return final ? GbkScan.No : GbkScan.NeedMore;
        if (buffer[1] is < 0x80 or 0xFF) return GbkScan.No;
        var end = buffer.IndexOfAny((byte)'\r', (byte)'\n');
        if (end < 0)
        {
            if (final) end = buffer.Length;
            else return buffer.Length <= _max ? GbkScan.NeedMore : GbkScan.No;
        }
        // Longer than a frame: noise, as it is however the stream was split (the carry holds at most one byte more).
        if (end > _max) return GbkScan.No;
        var distinct = false;
        for (var i = 0; i < end; i++)
        {
            var b = buffer[i];
            if (b is >= 0x20 and < 0x7F or (byte)'\t') continue;
            if (b is < 0x81 or 0xFF || i + 1 == end || buffer[i + 1] is < 0x40 or 0x7F or 0xFF) return GbkScan.No;
            distinct |= b >= 0xC2 || buffer[i + 1] >= 0xC2;
            i++;
        }
        return distinct ? GbkScan.Text : GbkScan.No;
    }

    /// <summary>Finds the frame at the start of <paramref name="buffer"/>, which does not start with a line end.</summary>
    private ScanResult Scan(ReadOnlySpan<byte> buffer, bool final)
    {
        var first = buffer[0];
        var gbk = IsNoise(first) ? GbkLine(buffer, final) : GbkScan.No;
        if (gbk == GbkScan.NeedMore) return new ScanResult { Status = ScanStatus.NeedMore };
        if (IsNoise(first) && gbk == GbkScan.No)
        {
            var run = 1;
            while (run < buffer.Length && run < _max && IsNoise(buffer[run])) run++;
            if (run == buffer.Length && run < _max && !final) return new ScanResult { Status = ScanStatus.NeedMore };
            return new ScanResult { Status = ScanStatus.Frame, Kind = FrameKind.Noise, Consumed = run, TextLength = run };
        }
        if (first == (byte)'>')
            return new ScanResult { Status = ScanStatus.Frame, Kind = FrameKind.Prompt, Consumed = 1, TextLength = 1 };

        var end = buffer.IndexOfAny((byte)'\r', (byte)'\n');
        var lineEnded = end >= 0;
        if (!lineEnded) end = buffer.Length;

        // A publish header is decided as soon as msg_len is complete: its inline message may be longer than any line.
        // Only a header within the frame limit counts, as chunked input keeps no more: a longer one is an overlong line.
        var seen = Math.Min(end, _max + 1);
        if (first == (byte)'+' && PublishHeader.TryFind(buffer[..seen], out var headerEnd, out var messageLength)
            && (headerEnd < seen || (lineEnded || final) && end <= _max))
            return ScanPublish(buffer, end, headerEnd, messageLength, final);

        if (!lineEnded && !final) return new ScanResult { Status = ScanStatus.NeedMore };

        if (end > _max)
            return new ScanResult { Status = ScanStatus.Frame, Kind = FrameKind.Overflow, Consumed = end, TextLength = Math.Min(_preview, end) };

        return new ScanResult
        {
            Status = ScanStatus.Frame,
            Kind = FrameKind.Info,   // classified later, against the pending command
            Consumed = Math.Min(end + 1, buffer.Length),
            TextLength = end,
            Truncated = end == buffer.Length,
        };
    }

    private const int MoreNeeded = -2, AsDeclared = -1;

    /// <summary>
    /// Where a message really ends when the firmware counted msg_len otherwise than in bytes: at its line's end
    /// when the line goes on after the declared length (the characters of UTF-8 text counted), or when the declared
    /// length runs past the line end into the middle of a line and the next line is one of the module's own (the line
    /// end or more counted). <see cref="AsDeclared"/> when msg_len fits; <see cref="MoreNeeded"/> (with the bytes
    /// <paramref name="wanted"/>) until the bytes decide.
    /// </summary>
    /// <remarks>
    /// A message of the manual is followed by its line end, so a true count never looks miscounted, also when the message
    /// holds line ends and lines that look like the module's. A line of the module's own right after the declared end
    /// (its line end lost) is left to be read as itself. Only the bytes a frame may hold decide: a chunked stream keeps no
    /// more, and the frames must not depend on how the stream is cut into chunks.
    /// </remarks>
    private int MiscountedEnd(ReadOnlySpan<byte> buffer, int lineEnd, long needed, bool final, out int wanted)
    {
        wanted = buffer.Length + 1;
        var window = buffer[..Math.Min(buffer.Length, _max + 1)];
        var more = !final && buffer.Length <= _max;
        if (lineEnd >= window.Length)
        {
            // No line end in view: wait for the byte after the message, then for the line's end.
            if (!more) return AsDeclared;
            if (needed >= window.Length) wanted = (int)needed + 1;
            return MoreNeeded;
        }
        if (needed < lineEnd) return StartsModuleLine(window[(int)needed..lineEnd]) ? AsDeclared : lineEnd;
        if (needed == lineEnd) return AsDeclared;
        if (needed < window.Length)
        {
            if (window[(int)needed] is (byte)'\r' or (byte)'\n') return AsDeclared;
        }
        else if (more)
        {
            wanted = (int)needed + 1;
            return MoreNeeded;
        }
        // The declared end lies inside a line, or beyond what a frame holds or the stream brings: the next line decides.
        var next = lineEnd;
        while (next < window.Length && window[next] is (byte)'\r' or (byte)'\n') next++;
        var nextEnd = window[next..].IndexOfAny((byte)'\r', (byte)'\n');
        if (nextEnd < 0)
        {
            if (more) return MoreNeeded;
            if (!final) return AsDeclared;
            // The stream ends in the line end after the message: msg_len counted it (a true count leaves it after the message).
            if (next == window.Length) return lineEnd;
            nextEnd = window.Length - next;
        }
        return StartsModuleLine(window.Slice(next, nextEnd)) ? lineEnd : AsDeclared;
    }

    private static int LineEndFrom(ReadOnlySpan<byte> buffer, int start) =>
        buffer[start..].IndexOfAny((byte)'\r', (byte)'\n') is var end and >= 0 ? start + end : buffer.Length;

    /// <summary>True when <paramref name="text"/> starts with a final result or a <c>+NAME:</c> of the catalog.</summary>
    private static bool StartsModuleLine(ReadOnlySpan<byte> text) =>
        text.StartsWith("OK"u8) || text.StartsWith("ERROR"u8) || text.StartsWith("+CME ERROR"u8)
        || text is [(byte)'+', ..] && text.IndexOf((byte)':') > 0 && LineClassifier.KnownName(LineClassifier.NameOf(text)) is not null;

    private ScanResult ScanPublish(ReadOnlySpan<byte> buffer, int lineEnd, int headerEnd, int messageLength, bool final)
    {
        var result = new ScanResult
        {
            Kind = FrameKind.Urc,
            HasPayload = true,
            TextLength = headerEnd,
            HeaderEnd = headerEnd,
            MessageLength = messageLength,
            MessageStart = -1,
        };
        if (headerEnd < lineEnd)
        {
            result.Inline = true;
            result.MessageStart = headerEnd + 1;
        }
        else if (messageLength == 0)
        {
            result.MessageStart = headerEnd;
        }
        else
        {
            var start = lineEnd;
            while (start < buffer.Length && buffer[start] is (byte)'\r' or (byte)'\n') start++;
            if (start == buffer.Length)
            {
                if (headerEnd + messageLength > _max) return result with { Status = ScanStatus.TooLong };
                if (!final) return result with { Status = ScanStatus.NeedMore, Needed = buffer.Length + 1 };
            }
            result.MessageStart = start;
        }

        var needed = (long)result.MessageStart + messageLength;
        if (result.Inline || messageLength > 0 && needed <= _max)
        {
            // A message on the next line is miscounted the same way: its own line decides (one that cannot fit in a
            // frame is an overflow whatever its count).
            var messageLineEnd = result.Inline ? lineEnd : LineEndFrom(buffer, result.MessageStart);
            var miscounted = MiscountedEnd(buffer, messageLineEnd, needed, final, out var wanted);
            if (miscounted == MoreNeeded) return result with { Status = ScanStatus.NeedMore, Needed = wanted };
            if (miscounted >= 0)
            {
                // The message is its line (the parser reports msg_len as differing from it).
                result.Status = ScanStatus.Frame;
                result.Consumed = miscounted;
                result.PayloadLength = miscounted - result.MessageStart;
                return result;
            }
        }
        if (needed > _max) return result with { Status = ScanStatus.TooLong };
        if (buffer.Length < needed)
        {
            if (!final) return result with { Status = ScanStatus.NeedMore, Needed = (int)needed };
            result.Truncated = true;
            needed = buffer.Length;
        }
        result.Status = ScanStatus.Frame;
        result.Consumed = (int)needed;
        result.PayloadLength = (int)needed - result.MessageStart;
        return result;
    }
}
