using System.Buffers;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// Splits a stream into lines at CR LF, LF or a lone CR, keeping each line end, through one reused buffer:
/// each byte is scanned once however long the line, and a line is kept up to <see cref="MaxLine"/> bytes, so
/// memory is bounded whatever the input.
/// </summary>
internal sealed class LineSplitter(Stream stream, string file, Action<int>? bytesRead = null, int bufferSize = 64 * 1024) : IDisposable
{
    /// <summary>
    /// A comment prefix the lines were pasted with (<c># </c>), left out of each line that starts with it; a line of
    /// the prefix alone without its trailing space (an editor trimmed it) is an empty line.
    /// </summary>
    public byte[] Prefix { get; init; } = [];

    /// <summary>
    /// The longest line kept; the rest of a longer line is skipped up to its line end (a firmware image pasted as
    /// one line, a capture without line ends). Far above the frame limit of module output, so nothing the
    /// analysis reads is lost: such a line is reported too long to be a frame.
    /// </summary>
    public const int MaxLine = 1 << 20;

    /// <summary>Each line starts with its number (<c>12| AT</c>, <c>0012: AT</c>), pasted from an editor or a ticket: left out (<see cref="LineNumber"/>).</summary>
    public bool Numbered { get; init; }

    /// <summary>A screen scrape padded each line with spaces to the console's width (<see cref="ScreenWidth"/>): they are left out.</summary>
    public bool Padded { get; init; }

    /// <summary>Each line's CR is shown as <c>^M</c> at its end (<see cref="CaretLineEnd"/>): read as the CR it stands for.</summary>
    public bool CaretLineEnds { get; init; }

    private byte[] buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
    private int start;
    private int end;
    private int scanned; // bytes after start already known to hold no line end
    private bool endOfStream;
    private long number;
    private volatile bool startOver;

    /// <summary>
    /// The stream starts over (a followed file was truncated or replaced): the next bytes read are line 1 again, and
    /// what was left of a line before them, which never ended, is dropped rather than joined to the new first line.
    /// </summary>
    public void StartOver() => startOver = true;

    /// <summary>Reads every line of a file, its memory valid until the next one.</summary>
    public static IEnumerable<LogLine> Lines(Stream stream, string file, Action<int>? bytesRead = null, int bufferSize = 64 * 1024)
    {
        using var splitter = new LineSplitter(stream, file, bytesRead, bufferSize);
        foreach (var line in splitter.Remaining()) yield return line;
    }

    public LogLine? Next() =>
        Advance(out var start, out var length, out var endingLength)
            ? new LogLine(file, number, buffer.AsMemory(start, length), buffer.AsMemory(start + length, endingLength))
            : null;

    /// <summary>Reads the next line in place, without a <see cref="LogLine"/>; the spans are valid until the next call.</summary>
    public bool TryNext(out ReadOnlySpan<byte> content, out ReadOnlySpan<byte> ending, out long lineNumber)
    {
        var found = Advance(out var start, out var length, out var endingLength);
        content = found ? buffer.AsSpan(start, length) : default;
        ending = found ? buffer.AsSpan(start + length, endingLength) : default;
        (currentStart, currentLength) = found ? (start, length + endingLength) : (0, 0);
        lineNumber = number;
        return found;
    }

    private int currentStart;
    private int currentLength;

    /// <summary>The line <see cref="TryNext"/> read last, its line end included; valid until the next call.</summary>
    public ReadOnlySpan<byte> Current => buffer.AsSpan(currentStart, currentLength);

    /// <summary>Every remaining line.</summary>
    public IEnumerable<LogLine> Remaining()
    {
        while (Next() is { } line) yield return line;
    }

    public string File => file;

    private bool Advance(out int lineStart, out int length, out int endingLength)
    {
        while (true)
        {
            var unscanned = buffer.AsSpan(start + scanned, end - start - scanned);
            // An empty line (half the lines of some captures) is told by its first byte, without the search's call.
            var at = !unscanned.IsEmpty && unscanned[0] is (byte)'\r' or (byte)'\n' ? 0 : unscanned.IndexOfAny((byte)'\r', (byte)'\n');
            if (at >= 0)
            {
                var pos = start + scanned + at;
                if (buffer[pos] == '\r' && pos + 1 == end && !endOfStream)
                {
                    scanned = pos - start; // a CR at the end of the buffer may be half of CR LF
                    Fill();
                    continue;
                }
                endingLength = buffer[pos] == '\r' && pos + 1 < end && buffer[pos + 1] == '\n' ? 2 : 1;
                if (pos - start <= MaxLine) return Take(pos, ref endingLength, out lineStart, out length);
                // The kept start of a line too long, then its own line end right after it.
                var ending = endingLength;
                buffer.AsSpan(pos, endingLength).CopyTo(buffer.AsSpan(start + MaxLine));
                Take(start + MaxLine, ref endingLength, out lineStart, out length);
                start = pos + ending;
                return true;
            }
            scanned = end - start;
            // A line past the limit keeps its first MaxLine bytes; what follows is dropped until its line end.
            if (scanned > MaxLine) (end, scanned) = (start + MaxLine, MaxLine);
            if (endOfStream)
            {
                endingLength = 0;
                if (start < end) return Take(end, ref endingLength, out lineStart, out length);
                (lineStart, length) = (start, 0);
                return false;
            }
            Fill();
        }
    }

    /// <param name="endingLength">The line end's length in the file; on return, the length of the line end reported after the text.</param>
    private bool Take(int lineEnd, ref int endingLength, out int lineStart, out int length)
    {
        var next = lineEnd + endingLength;
        ++number;
        (lineStart, length) = (start, lineEnd - start);
        // A logger's colours (`ESC[0;32m` … `ESC[0m`, ESP-IDF's) around the line are no traffic: left out, the line end kept after the text.
        if (length > 0 && buffer[lineStart] == 0x1B) while (Colour(buffer.AsSpan(lineStart, length)) is var colour and > 0) (lineStart, length) = (lineStart + colour, length - colour);
        if (length > 3 && buffer[lineStart + length - 1] == 'm' && TrailingColour(buffer.AsSpan(lineStart, length)) is var trailing and > 0)
        {
            length -= trailing;
            buffer.AsSpan(lineEnd, endingLength).CopyTo(buffer.AsSpan(lineStart + length));
        }
        // Colours inside the line, a logger's that colours its stamp or level apart (`ESC[34m[10:11:12.123]ESC[0m AT`,
        // loguru's, coloredlogs'): left out too.
        if (length > 3 && buffer.AsSpan(lineStart, length).IndexOf((byte)0x1B) is var escape and >= 0
            && Uncoloured(buffer.AsSpan(lineStart, length), escape) is var kept && kept < length)
        {
            length = kept;
            buffer.AsSpan(lineEnd, endingLength).CopyTo(buffer.AsSpan(lineStart + length));
        }
        if (Prefix.Length > 0)
        {
            var line = buffer.AsSpan(lineStart, length);
            if (line.StartsWith(Prefix)) (lineStart, length) = (lineStart + Prefix.Length, length - Prefix.Length);
            else if (line.SequenceEqual(Prefix.AsSpan().TrimEnd((byte)' '))) (lineStart, length) = (lineStart + length, 0);
        }
        if (Numbered && LineNumber.Length<byte>(buffer.AsSpan(lineStart, length)) is var numbered and > 0) (lineStart, length) = (lineStart + numbered, length - numbered);
        if (Padded && length > 0 && buffer[lineStart + length - 1] == ' ')
        {
            // The line end stays right after the text, as a reader takes the line and its end as one record.
            var text = buffer.AsSpan(lineStart, length).TrimEnd((byte)' ').Length;
            buffer.AsSpan(lineEnd, endingLength).CopyTo(buffer.AsSpan(lineStart + text));
            length = text;
        }
        // A CR shown as `^M` (a log viewed in less, vim or cat -v and copied): the line ends in each CR, then the file's LF if any.
        if (CaretLineEnds && CaretLineEnd.Count(buffer.AsSpan(lineStart, length), out var marked) is var crs and > 0)
        {
            length -= 2 * crs + marked;
            buffer.AsSpan(lineStart + length, crs).Fill((byte)'\r');
            if (endingLength > 0) buffer[lineStart + length + crs] = (byte)'\n';
            endingLength = crs + (endingLength > 0 ? 1 : 0);
        }
        start = next;
        scanned = 0;
        return true;
    }

    private static readonly SearchValues<byte> ColourParameters = SearchValues.Create("0123456789;"u8);

    /// <summary>The length of a colour sequence (SGR: <c>ESC [ 0;32 m</c>) at the start of <paramref name="line"/>; 0 when none.</summary>
    private static int Colour(ReadOnlySpan<byte> line)
    {
        if (line.Length < 3 || line[0] != 0x1B || line[1] != '[') return 0;
        var end = line[2..].IndexOfAnyExcept(ColourParameters);
        return end >= 0 && end <= 16 && line[2 + end] == 'm' ? end + 3 : 0;
    }

    /// <summary>Moves <paramref name="line"/>'s text over the colour sequences in it, from <paramref name="from"/> on; returns the length left.</summary>
    private static int Uncoloured(Span<byte> line, int from)
    {
        var kept = from;
        for (var read = from; read < line.Length;)
        {
            if (line[read] == 0x1B && Colour(line[read..]) is var colour and > 0) read += colour;
            else line[kept++] = line[read++];
        }
        return kept;
    }

    /// <summary>The length of the colour sequences ending <paramref name="line"/> (<c>ESC[0m</c>); 0 when none.</summary>
    private static int TrailingColour(ReadOnlySpan<byte> line)
    {
        var total = 0;
        while (line.Length - total > 2 && line[line.Length - total - 1] == 'm')
        {
            var escape = line[..^total].LastIndexOf((byte)0x1B);
            if (escape < 0 || Colour(line[escape..^total]) != line.Length - total - escape) break;
            total = line.Length - escape;
        }
        return total;
    }

    private void Fill()
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }
        if (end == buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            buffer.AsSpan(0, end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }
        int n;
        try
        {
            n = stream.Read(buffer, end, buffer.Length - end);
        }
        catch (IOException e)
        {
            throw new LogReadException($"read failed: {e.Message}", file, number + 1, e);
        }
        catch (InvalidDataException e)
        {
            throw new LogReadException($"is not a valid gzip file: {e.Message}", file, number + 1, e);
        }
        if (n == 0) endOfStream = true;
        if (startOver && n > 0)
        {
            startOver = false;
            buffer.AsSpan(end, n).CopyTo(buffer.AsSpan(start));
            (end, scanned, number) = (start, 0, 0);
        }
        end += n;
        bytesRead?.Invoke(n);
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }
}
