using System.Text;

namespace Conformance.Protocol.Secrets;

/// <summary>
/// Masks one direction of a stream, chunk by chunk as a trace records it or line by line as a log shows it. A secret
/// split across chunks is masked in both (its start once it is <see cref="SecretMasker.MinPartial"/> characters
/// long, its tail always), because each chunk is judged within its line; and a secret split across a line end — a
/// quote still open, or the start of a known value — has the start of the next line masked as its tail.
/// </summary>
public sealed class SecretStream
{
    // A longer run of bytes without a line end is no AT line: its context is dropped to bound memory.
    private const int MaxLine = 4096;

    private readonly SecretMasker _masker;
    private readonly StringBuilder _line = new();
    private readonly List<SecretSpan> _spans = [];
    private bool _maskedToEnd;
    private bool _dataIsSecret;   // a command whose prompted data is a credential was seen; its data line is next
    private bool _promptSeen;     // … and its prompt: the next line is the data
    private static readonly System.Buffers.SearchValues<char> MarkCharacters = System.Buffers.SearchValues.Create("<=>-[]:TXRtxr");
    private static readonly System.Buffers.SearchValues<char> Arrows = System.Buffers.SearchValues.Create("<=>-[]:");
    private Continuation? _carried, _next;
    // A credential command broken before its credential field (`…,"pro` / `d1","pass",1`): the next line is read after it.
    private string? _command, _nextCommand;
    // The last whole line, not yet asked whether it awaits its credential: only a next line that may continue it asks.
    private string? _unasked;

    internal SecretStream(SecretMasker masker) => _masker = masker;

    /// <summary>What a line left open: the start of a quoted secret (<paramref name="Rest"/> null) or of a known value.</summary>
    private sealed record Continuation(string Head, string? Rest);

    /// <summary>The next chunk of the stream, masked.</summary>
    public byte[] Mask(ReadOnlySpan<byte> chunk)
    {
        if (_masker.Shows) return chunk.ToArray();
        // Latin-1 keeps one character per byte, so positions and any bytes (also invalid UTF-8) survive.
        var text = Encoding.Latin1.GetString(chunk);
        var output = new StringBuilder(text.Length + 8);
        var start = 0;
        while (start < text.Length)
        {
            var end = text.AsSpan(start).IndexOfAny('\r', '\n');
            var piece = end < 0 ? text[start..] : text.Substring(start, end);
            // A line end that opens this chunk still ends the line the last one left: it is judged whole now.
            if (piece.Length > 0 || end >= 0 && _line.Length > 0) Piece(piece, complete: end >= 0, output);
            if (end < 0) break;
            output.Append(text[start + end]);
            EndLine();
            start += end + 1;
        }
        return Encoding.Latin1.GetBytes(output.ToString());
    }

    /// <summary>The next whole line of the stream (without its line end), masked.</summary>
    public string MaskLine(string line)
    {
        if (_masker.Shows || line.Length == 0) return line;
        if (_unasked is { } last)
        {
            _unasked = null;
            if (IsContinuation(line)) _command = Awaits(last);
        }
        if (_line.Length == 0 && _carried is null && _command is null && !_dataIsSecret) return WholeLine(line);
        var output = new StringBuilder(line.Length + 8);
        Piece(line, complete: true, output);
        EndLine();
        return output.ToString();
    }

    // A whole line that continues nothing, as Piece reads it but without copying it: most lines hold no secret
    // and come back as they are.
    private string WholeLine(string line)
    {
        _next = null;
        _maskedToEnd = false;
        // Most lines name no credential command, no secret key and no known value: nothing to mask, nothing left open.
        if (!_masker.MayHold(line))
        {
            _carried = null;
            return line;
        }
        // Its prompted data is a credential (ESP-AT AT+MQTTLONGPASSWORD): the lines after it are read piece by piece.
        if (CredentialFields.PromptsForSecret(line)) _dataIsSecret = true;
        // A line the module repeats, found clean before, is clean again unless it ends with the start of a known value.
        if (_masker.IsClean(line, out var known) && _masker.RestOf(line) is null)
        {
            _carried = null;
            _unasked = line;   // clean itself, it may still be a credential command broken before its credential
            return line;
        }
        var spans = _masker.Spans(line, complete: true, _spans, partialAtEnd: true);
        if (spans.Count == 0) _masker.Clean(line, known);
        _carried = Continues(line, spans);
        _unasked = line;
        return spans.Count == 0 ? line : SecretMasker.Apply(line, spans, new StringBuilder(line.Length + 8)).ToString();
    }

    private void Piece(string piece, bool complete, StringBuilder output)
    {
        if (_unasked is { } last) (_command, _unasked) = (Awaits(last), null);
        if (_line.Length + piece.Length > MaxLine)
        {
            EndLine();
            _carried = null;
        }
        var start = _line.Length;
        _line.Append(piece);
        var line = _line.ToString();
        var spans = Spans(line, complete);
        if (_dataIsSecret && PromptedData(line, complete, spans) is { } data) spans = data;
        // A quote left open is closed by the next line's start, unless that line is the module's or a new command.
        if (_carried is { } carried && (carried.Rest is not null || !complete || IsContinuation(line)) && Tail(line, carried, complete) is var tail and > 0)
            spans = SecretMasker.Merge([.. spans, new SecretSpan(0, tail)]);
        var at = start;
        foreach (var span in spans)
        {
            if (span.End <= start) continue;
            var from = Math.Max(span.Start, start);
            output.Append(line, at, from - at);
            // The start of this secret was masked with the previous chunk: its tail adds nothing to show.
            if (span.Start >= start || !_maskedToEnd) output.Append(SecretPolicy.Mask);
            at = span.End;
        }
        output.Append(line, at, line.Length - at);
        _maskedToEnd = spans.Count > 0 && spans[^1].End == line.Length;
        if (complete)
        {
            _next = Continues(line, spans);
            _nextCommand = Awaits(_command is { } head && IsContinuation(line) ? head + line : line);
        }
        if (complete && CredentialFields.PromptsForSecret(line)) _dataIsSecret = true;
    }

    /// <summary>
    /// The data line after a command whose prompted data is a credential (ESP-AT <c>AT+MQTTLONGPASSWORD</c>), masked
    /// whole and learned. The module's own lines between them (<c>OK</c>, the <c>&gt;</c> prompt, also behind a
    /// transcript's mark) are passed over; after a prompt the next line is the data; an error or the next command
    /// ends the wait. Null for a line that is not the data.
    /// </summary>
    private List<SecretSpan>? PromptedData(string line, bool complete, List<SecretSpan> spans)
    {
        var trimmed = line.AsSpan().Trim();
        var start = line.Length - line.AsSpan().TrimStart().Length;
        // A transcript's mark (`=> `, `>> `, `[TX] `) is no part of the data.
        var mark = trimmed.IndexOf(' ');
        if (mark > 0 && !trimmed[..mark].ContainsAnyExcept(MarkCharacters) && trimmed[..mark].ContainsAny(Arrows)) start += mark + 1;
        var data = line.AsSpan(start).Trim();
        if (!_promptSeen && data.StartsWith(">")) data = data[1..].TrimStart();
        if (data.IsEmpty) return null;
        if (!_promptSeen && (data.EndsWith("OK", StringComparison.Ordinal) || data.EndsWith('>')))
        {
            _promptSeen = data.EndsWith('>');
            return null;
        }
        // An error, or the next command: the data never came.
        if (data.Contains("ERROR", StringComparison.Ordinal)
            || Syntax.CommandLine.IsCommand(data) && data.Length > 2 && data[2] is '+' or '&' or '^' or '*' or '$' or '%' or '#')
        {
            _dataIsSecret = _promptSeen = false;
            return null;
        }
        var at = line.AsSpan().IndexOf(data);
        if (complete)
        {
            _dataIsSecret = _promptSeen = false;
            _masker.Learn(data.ToString());
        }
        return SecretMasker.Merge([.. spans, new SecretSpan(at, data.Length)]);
    }

    // The spans of this line, read after the credential command the last line left without its credential.
    private List<SecretSpan> Spans(string line, bool complete)
    {
        if (_command is not { } head || !IsContinuation(line)) return _masker.Spans(line, complete, [], partialAtEnd: true);
        var spans = new List<SecretSpan>();
        foreach (var span in _masker.Spans(head + line, complete, [], partialAtEnd: true))
            if (span.End > head.Length) spans.Add(new SecretSpan(Math.Max(0, span.Start - head.Length), span.End - Math.Max(head.Length, span.Start)));
        return spans;
    }

    // The text of a credential command still to be continued after this line, or null.
    private static string? Awaits(string line) => line.Length < MaxLine && CredentialFields.AwaitsCredential(line) ? line : null;

    // A line the module writes on its own (a result, a URC, the next command) continues no command.
    private static bool IsContinuation(string line)
    {
        var text = line.AsSpan().Trim();
        return !text.IsEmpty && !text.StartsWith("OK", StringComparison.Ordinal) && !text.Contains("ERROR", StringComparison.Ordinal)
            && text[0] is not ('+' or '>') && !Syntax.CommandLine.IsCommand(text);
    }

    // How much of this line's start is the tail of what the previous line left open; learns the whole value.
    private int Tail(string line, Continuation carried, bool complete)
    {
        if (carried.Rest is { } rest)
            return line.StartsWith(rest, StringComparison.Ordinal) ? rest.Length : rest.StartsWith(line, StringComparison.Ordinal) ? line.Length : 0;
        var quote = line.IndexOf('"');
        if (quote >= 0 || complete) _masker.Learn(carried.Head + line[..(quote < 0 ? line.Length : quote)]);
        return quote < 0 ? line.Length : quote;
    }

    private Continuation? Continues(string line, List<SecretSpan> spans)
    {
        if (spans.Count > 0 && SecretMasker.OpensQuote(line, spans[^1])) return new Continuation(line[spans[^1].Start..], null);
        return _masker.RestOf(line) is { } rest ? new Continuation("", rest) : null;
    }

    private void EndLine()
    {
        // A line end after an empty line (the \n of \r\n) keeps what the last line left open.
        if (_line.Length > 0)
        {
            _carried = _next;
            _command = _nextCommand;
            _next = null;
            _nextCommand = null;
        }
        _line.Clear();
        _maskedToEnd = false;
    }
}
