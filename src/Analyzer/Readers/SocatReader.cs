using System.Globalization;
using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// socat's verbose dump (<c>socat -v /dev/ttyUSB0,raw PTY,link=/tmp/modem</c>, the copy written to standard error): a
/// header per packet, <c>&gt; 2026/11/30 14:02:10.113482  length=3 from=0 to=2</c>, then the packet's bytes as text with
/// CR written <c>\r</c> and LF as the line end. <c>&gt;</c> and <c>&lt;</c> say which way a packet went between socat's
/// two addresses, in the order the command named them: the mark whose packets carry the AT commands is the host's
/// (<see cref="ArrowMeaning"/>), learned from the first <see cref="TranscriptReader.LearnWithin"/> packets. A packet that
/// ends inside a line runs on into the next of its side, the line timed by the packet that ends it.
/// With <c>-x</c> the packet's bytes are written in hex (<see cref="HexRow"/>): all on one line after the header
/// (<c> 41 54 2b 43 53 51 0d 0a</c>), or with <c>-v -x</c> in rows of up to 16 bytes, a row ending after an LF byte,
/// each followed by its characters (<c> 41 54 2b 43 53 51 0d 0a   …  AT+CSQ..</c>), the packet closed by a line <c>--</c>.
/// </summary>
internal sealed partial class SocatReader : LogReader
{
    private readonly ArrowMeaning arrows = new();
    private readonly DirectionGuess guess = new();

    public override LogFormat Format => LogFormat.Socat;

    /// <summary>A packet's lines belong to it: they count for the format when a header comes first.</summary>
    public override double Score(IReadOnlyList<string> sample)
    {
        int match = 0, other = 0;
        var inPacket = false;
        foreach (var line in sample)
        {
            var header = Header().IsMatch(line);
            inPacket |= header;
            if (header || inPacket) match++;
            else other++;
        }
        return match == 0 || sample.Count(line => Header().IsMatch(line)) < 2 ? 0 : (double)match / (match + other);
    }

    /// <summary>A packet as read: its header's line, mark and time, its bytes, and the line its first text is on.</summary>
    private sealed record Packet(LogLine Source, string Mark, DateTimeOffset? Time, int Length, List<byte> Data)
    {
        public long TextLine { get; set; }

        /// <summary>Whether socat wrote the bytes in hex (<c>-x</c>), told by the packet's first line; null before it.</summary>
        public bool? Hex { get; set; }
    }

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        var window = new LearningWindow<Packet>(done =>
            arrows.Learn(done.Mark, System.Text.Encoding.UTF8.GetString([.. done.Data]).Split('\r', '\n').FirstOrDefault(part => part.Length > 0) ?? ""));
        Packet? packet = null;
        foreach (var line in lines)
        {
            var header = Header().Match(line.Text);
            if (!header.Success)
            {
                if (packet is null) continue;
                packet.Hex ??= HexRow(line.Content.Span, null);
                if (packet.Hex == true)
                {
                    // `--` closes a packet of `-v -x`; the bytes of a row are read, its characters left.
                    if (HexRow(line.Content.Span, packet.Data) && packet.TextLine == 0) packet.TextLine = line.Number;
                    continue;
                }
                var bytes = Unescaped(line.Content.Span);
                if (packet.TextLine == 0 && bytes.AsSpan().TrimEnd((byte)'\r').Length > 0) packet.TextLine = line.Number;
                packet.Data.AddRange([.. bytes, (byte)'\n']);
                continue;
            }
            if (packet is not null)
            {
                foreach (var record in Done(packet)) yield return record;
            }
            packet = new Packet(line.Kept(), header.Groups["mark"].Value, When(header), int.Parse(header.Groups["length"].ValueSpan, CultureInfo.InvariantCulture), []);
        }
        if (packet is not null)
        {
            foreach (var record in Done(packet)) yield return record;
        }
        foreach (var record in window.Flush().SelectMany(Emit)) yield return record;
        if (pending is not null) yield return pending;

        // A packet read: learned from while the meaning of the marks is learned, then given out.
        IEnumerable<LogRecord> Done(Packet done)
        {
            // socat ends the dump of a packet that has no LF of its own with one (as text; its hex is the bytes alone).
            if (done.Hex != true && done.Data.Count == done.Length + 1 && done.Data[^1] == '\n') done.Data.RemoveAt(done.Data.Count - 1);
            return window.Add(done).SelectMany(Emit).ToList();
        }
    }

    // The last record, held while a packet that ends inside a line may run on into the next of its side.
    private LogRecord? pending;

    private IEnumerable<LogRecord> Emit(Packet packet)
    {
        var data = packet.Data.ToArray();
        var line = packet.TextLine > 0 ? packet.TextLine : packet.Source.Number + 1;
        IEnumerable<LogRecord> records = arrows.Of(packet.Mark) is { } direction
            ? [new LogRecord(line, packet.Source.File, packet.Time, null, direction, data)]
            : guess.Lines(data).Select(part => new LogRecord(line, packet.Source.File, packet.Time, null, part.Direction, part.Data));
        foreach (var record in records)
        {
            // The line cut by the packet's end is received with the packet that ends it: its time is that one's.
            if (pending is { } held && held.Direction == record.Direction && held.Data is [.., not ((byte)'\r' or (byte)'\n')])
            {
                var cut = held.Data.AsSpan().LastIndexOfAny((byte)'\r', (byte)'\n') + 1;
                if (cut > 0) yield return held with { Data = held.Data[..cut] };
                pending = record with { Line = held.Line, Data = [.. held.Data[cut..], .. record.Data] };
                continue;
            }
            if (pending is not null) yield return pending;
            pending = record;
        }
    }

    // The bytes of a data line, `\r` written out read as the CR it stands for.
    private static byte[] Unescaped(ReadOnlySpan<byte> content)
    {
        var bytes = new List<byte>(content.Length);
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == '\\' && i + 1 < content.Length && content[i + 1] == 'r')
            {
                bytes.Add((byte)'\r');
                i++;
            }
            else bytes.Add(content[i]);
        }
        return [.. bytes];
    }

    /// <summary>
    /// True for a row of <c>-x</c>'s hex, its bytes added to <paramref name="bytes"/> (when given): each byte a space and
    /// two hex digits, then nothing or, with <c>-v</c>, at least two spaces and the bytes' characters.
    /// </summary>
    private static bool HexRow(ReadOnlySpan<byte> line, List<byte>? bytes)
    {
        var at = 0;
        for (; at + 3 <= line.Length && line[at] == ' ' && char.IsAsciiHexDigit((char)line[at + 1]) && char.IsAsciiHexDigit((char)line[at + 2]); at += 3)
        {
            if (at + 3 < line.Length && line[at + 3] != ' ') return false;
        }
        if (at == 0 || at < line.Length && (at + 2 > line.Length || line[at + 1] != ' ')) return false;
        for (var pair = 0; bytes is not null && pair < at; pair += 3)
            bytes.Add((byte)(HexValue(line[pair + 1]) << 4 | HexValue(line[pair + 2])));
        return true;
    }

    private static int HexValue(byte digit) => digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10;

    private static DateTimeOffset? When(Match header) =>
        LogClock.TryParseTime(header.Groups["time"].ValueSpan, out var time) &&
        DateOnly.TryParseExact(header.Groups["date"].ValueSpan, "yyyy/MM/dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + time : null;

    // `> 2026/11/30 14:02:10.113482  length=3 from=0 to=2`
    [GeneratedRegex(@"^(?<mark>[<>]) (?<date>\d{4}/\d\d/\d\d) (?<time>\d\d:\d\d:\d\d\.\d{1,7})\s+length=(?<length>\d+) from=\d+ to=-?\d+\s*$")]
    private static partial Regex Header();
}
