using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// A hex dump of the port's bytes, as terminals show and copy it: CoolTerm's and <c>hexdump -C</c>'s
/// (<c>00000000  41 54 2B 43 53 51 0D 0A  AT+CSQ..</c>: an offset, the bytes, their characters), <c>xxd</c>'s
/// (<c>00000000: 4154 2b43 5351 0d0a  AT+CSQ..</c>, the bytes in groups of two), RealTerm's and
/// other terminals' bare hex (<c>41 54 2B 43 53 51 0D 0A</c>), and serial monitors' packets under a header that says
/// which way they went (<c>[30/11/2026 10:11:12.100] Written data (COM3)</c> / <c>Read data</c>). The bytes are read
/// as they were sent, line ends included; a line of text split over two rows of the dump is one line, and each line
/// gets the direction its header gives, or else its text's (<see cref="DirectionGuess"/>).
/// </summary>
internal sealed partial class HexDumpReader : LogReader
{
    public override LogFormat Format => LogFormat.HexDump;

    protected override bool IsOwn(string line) => Row(line) is { Length: >= 4 } || Header().IsMatch(line);

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        var guess = new DirectionGuess();
        var clock = new LogClock();
        var pending = new List<byte>();
        LogLine? started = null;
        LogDirection? told = null;
        DateTimeOffset? time = null;
        foreach (var line in lines)
        {
            var text = line.Text;
            if (Header().Match(text) is { Success: true } header)
            {
                foreach (var record in Lines(final: true)) yield return record;
                told = header.Groups["out"].Success ? LogDirection.ToModule : LogDirection.FromModule;
                if (header.Groups["time"].Success && LogClock.TryParseTime(header.Groups["time"].Value.Replace(',', '.'), out var timeOfDay)) time = clock.At(timeOfDay);
                continue;
            }
            if (Row(text) is not { } bytes) continue;
            started ??= line;   // only its number and file are read later, which stay when its bytes are reused
            pending.AddRange(bytes);
            foreach (var record in Lines(final: false)) yield return record;
            if (pending.Count > 0) started ??= line;
        }
        foreach (var record in Lines(final: true)) yield return record;

        // The whole lines gathered, each from the row it started on; with final, the rest too.
        IEnumerable<LogRecord> Lines(bool final)
        {
            if (started is not { } from || pending.Count == 0) yield break;
            var data = pending.ToArray();
            var end = final ? data.Length : data.AsSpan().LastIndexOfAny((byte)'\r', (byte)'\n') + 1;
            if (end == 0) yield break;
            foreach (var (direction, piece) in guess.Lines(data[..end]))
                yield return Record(from, time, told ?? direction, piece);
            pending.RemoveRange(0, end);
            started = null;
        }
    }

    /// <summary>
    /// The bytes of a row of a dump, or null for a line that is none: pairs of hex digits one or two spaces apart, after an
    /// optional offset, before an optional column of their characters (which starts with no pair: a dot stands for a control byte).
    /// </summary>
    private static byte[]? Row(string line)
    {
        if (XxdRow(line) is { } grouped) return grouped;
        var match = Pairs().Match(line);
        if (!match.Success) return null;
        var pairs = match.Groups["pair"].Captures;
        var bytes = new byte[pairs.Count];
        for (var i = 0; i < pairs.Count; i++) bytes[i] = Convert.ToByte(pairs[i].Value, 16);
        return bytes;
    }

    /// <summary>
    /// A row of <c>xxd</c>'s dump (vim's <c>:%!xxd</c> too): an offset and a colon, the bytes in groups of two
    /// (<c>00000000: 4154 2b43 5351 0d0a  AT+CSQ..</c>, the last group of a row perhaps one byte) or, with <c>-g1</c>, one,
    /// a space apart; its characters after two spaces. Null for any other line.
    /// </summary>
    private static byte[]? XxdRow(string line)
    {
        if (line.Length < 12 || line[8] != ':' || line[9] != ' ' || line.AsSpan(0, 8).ContainsAnyExcept(HexDigits)) return null;
        var column = line.AsSpan(10);
        if (column.IndexOf("  ") is var end and >= 0) column = column[..end];
        var bytes = new List<byte>(16);
        foreach (var range in column.TrimEnd().Split(' '))
        {
            var group = column[range];
            if (group.Length is not (2 or 4) || group.ContainsAnyExcept(HexDigits)) return null;
            for (var i = 0; i < group.Length; i += 2) bytes.Add(byte.Parse(group.Slice(i, 2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture));
        }
        return bytes.Count > 0 ? [.. bytes] : null;
    }

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    // An optional offset (`00000010`, `0010:`), then the bytes.
    [GeneratedRegex(@"^\s*(?:[0-9A-Fa-f]{4,8}:?\s+)?(?:(?<pair>[0-9A-Fa-f]{2})(?: {1,2}|\s*$))+(?=\s|\||$)")]
    private static partial Regex Pairs();

    // A serial monitor's packet header: a stamp, then which way (`Written data`, `Read data`, `Write`, `Read`), the port after it;
    // not a stamped call (strace's `08:00:00.1 write(3, …)`).
    [GeneratedRegex(@"^\s*\[?(?:[\d/.-]+ )?(?<time>\d\d?:\d\d:\d\d(?:[.,]\d{1,7})?)\]?\s+(?:(?<out>Written data|Write|Sent data|TX)|(?:Read data|Read|Received data|RX))\b(?!\()", RegexOptions.IgnoreCase)]
    private static partial Regex Header();
}
