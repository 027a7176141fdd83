using System.Text;

namespace Conformance.Protocol.Secrets;

/// <summary>
/// Masks one direction of a byte stream chunk by chunk, as a trace records it: a secret split across chunks is
/// masked in both (its start once it is <see cref="SecretMasker.MinPartial"/> characters long, its tail always),
/// because each chunk is judged within the line it belongs to.
/// </summary>
public sealed class SecretStream
{
    // A longer run of bytes without a line end is no AT line: its context is dropped to bound memory.
    private const int MaxLine = 4096;

    private readonly SecretMasker _masker;
    private readonly StringBuilder _line = new();
    private bool _maskedToEnd;

    internal SecretStream(SecretMasker masker) => _masker = masker;

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
            if (piece.Length > 0) Piece(piece, complete: end >= 0, output);
            if (end < 0) break;
            output.Append(text[start + end]);
            EndLine();
            start += end + 1;
        }
        return Encoding.Latin1.GetBytes(output.ToString());
    }

    private void Piece(string piece, bool complete, StringBuilder output)
    {
        if (_line.Length + piece.Length > MaxLine) EndLine();
        var start = _line.Length;
        _line.Append(piece);
        var line = _line.ToString();
        var spans = _masker.Spans(line, complete, []);
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
    }

    private void EndLine()
    {
        _line.Clear();
        _maskedToEnd = false;
    }
}
