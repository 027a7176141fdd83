namespace Conformance.Analyzer.Readers;

/// <summary>
/// SSCOM in text mode. A received packet's text runs from its stamp over the following lines until the next
/// stamp; sent text gets the CR LF that SSCOM appended (shown as a <c>□</c> line, which is skipped). A packet shown
/// in hex (the display switched to hex for a while) gives its bytes.
/// </summary>
/// <remarks>
/// SSCOM starts every stamp on a new line, so the line end before a stamp cannot be told from data. It is
/// kept, except between two received packets when the earlier one ends inside a line: the module's output
/// then split across the two stamps (<c>+MQTTOP</c> / <c>EN: OK</c>) and the line end is SSCOM's own.
/// The cost: a received line directly followed by another received stamp loses its line end in
/// <see cref="LogRecord.Data"/>; the next packet begins with CR LF in the module's canonical output. A packet
/// that opens as a line of its own does (<c>+MQTTPUBLISH…</c>, <c>OK</c>, <c>AT…</c>: a log edited by hand, or
/// a module that leaves out the CR LF before a URC) keeps the line end before it.
/// </remarks>
internal sealed class SscomReader : LogReader
{
    public override LogFormat Format => LogFormat.Sscom;

    protected override bool IsOwn(string line)
    {
        if (SscomStamp.IsSentBox(line)) return true;
        return SscomStamp.TryParse(line, out _, out _, out var dataStart) && !SscomHexReader.IsHex(SscomHexReader.HexOf(line.AsSpan(dataStart)));
    }

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        var clock = new LogClock();
        var direction = LogDirection.Unknown;
        DateTimeOffset? time = null;
        (LogRecord Record, int EndingLength)? held = null; // the last received line, until we know whose its line end is
        foreach (var line in lines)
        {
            var text = line.Text;
            if (SscomStamp.TryParse(text, out var timeOfDay, out var next, out var dataStart))
            {
                if (held is var (record, endingLength))
                {
                    var splitLine = next == LogDirection.FromModule && record.Data.Length > endingLength
                        && !StartsLine(line.BytesFrom(dataStart));
                    yield return splitLine ? record with { Data = record.Data[..^endingLength] } : record;
                    held = null;
                }
                time = clock.At(timeOfDay);
                direction = next;
                // Hex display switched on for a while: the packet is its bytes, line ends included.
                if (Spaced(text.AsSpan(dataStart)) is var hex && !hex.IsEmpty)
                {
                    if (direction == LogDirection.ToModule) yield return Record(line, time, direction, SscomHexReader.Bytes(hex));
                    else held = (Record(line, time, direction, SscomHexReader.Bytes(hex)), 0);
                    continue;
                }
                if (direction == LogDirection.ToModule)
                    yield return Record(line, time, direction, WithCrLf(line, dataStart));
                else
                    held = (Record(line, time, direction, [.. line.BytesFrom(dataStart), .. line.Ending.Span]), line.Ending.Length);
                continue;
            }
            if (direction == LogDirection.ToModule && SscomStamp.IsSentBox(text)) continue;
            if (held is var (previous, _)) yield return previous;
            held = (Record(line, time, direction == LogDirection.ToModule ? LogDirection.Unknown : direction, line.BytesWithEnding()), line.Ending.Length);
        }
        if (held is var (last, _)) yield return last;
    }

    /// <summary>
    /// The hex of a packet SSCOM shows in hex (<c>0D 0A 2B 4D 51 …</c>): two hex digits at a time, a space after each
    /// but the last, at least two of them; empty for text. Stricter than a hex log's lines, since text comes between:
    /// an IMEI or a number alone is text.
    /// </summary>
    private static ReadOnlySpan<char> Spaced(ReadOnlySpan<char> data)
    {
        var hex = SscomHexReader.HexOf(data);
        if (hex.Length < 5 || (hex.Length + 1) % 3 != 0) return default;
        for (var i = 0; i < hex.Length; i += 3)
            if (!char.IsAsciiHexDigit(hex[i]) || !char.IsAsciiHexDigit(hex[i + 1]) || (i + 2 < hex.Length && hex[i + 2] != ' ')) return default;
        return hex;
    }

    // What only the start of a line looks like: a URC or response name, a final result, an echoed command.
    private static bool StartsLine(ReadOnlySpan<byte> data) =>
        data.StartsWith("+"u8) || data.StartsWith("OK"u8) || data.StartsWith("ERROR"u8) || data.StartsWith("AT"u8);
}
