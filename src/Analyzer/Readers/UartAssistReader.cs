using System.Text;
using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// UartAssist and NetAssist (widespread serial and network assistants in China) with time shown: a header per
/// packet, <c>[2026-11-30 10:38:51.803]# SEND ASCII&gt;</c> or <c># RECV HEX&gt;</c>, the packet on the lines
/// after it until the next header, then a blank line.
/// </summary>
/// <remarks>
/// Sent text is a command per line, with the CR LF the tool appends; blank lines between packets are the tool's
/// and dropped there. Received text keeps its lines as written (blank lines are nothing to the module's output).
/// Hex packets give the exact bytes. NetAssist names the peer in the header (<c># RECV ASCII FROM 10.0.0.5 :8080&gt;</c>).
/// </remarks>
internal sealed partial class UartAssistReader : LogReader
{
    public override LogFormat Format => LogFormat.UartAssist;

    protected override bool IsOwn(string line) => Header.Parse(line) is not null;

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        var clock = new LogClock();
        Header? packet = null;
        DateTimeOffset? time = null;
        var blanks = new List<LogRecord>();   // blank received lines: the module's inside a packet, the tool's after it
        LogRecord? last = null;               // the last received text line, until we know whose its line end is
        var endingLength = 0;
        var split = false;                    // a received packet came after it: it may have ended mid-line
        foreach (var line in lines)
        {
            var text = line.Text;
            var dataStart = 0;
            if (Header.Parse(text) is { } header)
            {
                blanks.Clear();
                split = last is not null && header is { Direction: LogDirection.FromModule, Hex: false };
                packet = header;
                time = header.Time ?? (header.TimeOfDay is { } timeOfDay ? clock.At(timeOfDay) : time);
                dataStart = header.DataStart;
                if (dataStart >= text.Length) continue;   // the packet starts on the next line
            }
            var data = text[dataStart..];
            if (string.IsNullOrWhiteSpace(data))
            {
                // Inside a received text packet a blank line may be the module's; a later line of the packet tells.
                if (packet is { Hex: false, Direction: LogDirection.FromModule }) blanks.Add(Record(line, time, LogDirection.FromModule, line.BytesWithEnding()));
                continue;
            }
            if (last is { } previous)
            {
                // As in SSCOM: a received packet that does not open a line continues the last one, which the tool ended.
                var continues = split && packet is { Hex: false, Direction: LogDirection.FromModule } && !StartsLine(data);
                yield return continues ? previous with { Data = previous.Data[..^endingLength] } : previous;
                last = null;
            }
            foreach (var blank in blanks) yield return blank;
            blanks.Clear();
            split = false;
            if (packet is not { } current) yield return Record(line, time, LogDirection.Unknown, line.BytesWithEnding());
            else if (current.Hex)
            {
                var hex = data.Trim();
                yield return SscomHexReader.IsHex(hex) ? Record(line, time, current.Direction, SscomHexReader.Bytes(hex))
                    : Record(line, time, LogDirection.Unknown, line.BytesWithEnding());
            }
            else if (current.Direction == LogDirection.ToModule) yield return Record(line, time, current.Direction, WithCrLf(line, dataStart));
            else (last, endingLength) = (Record(line, time, current.Direction, [.. line.BytesFrom(dataStart), .. line.Ending.Span]), line.Ending.Length);
        }
        if (last is { } final) yield return final;
    }

    // What only the start of a line looks like: a URC or response name, a final result, an echoed command.
    private static bool StartsLine(ReadOnlySpan<char> data) =>
        data.StartsWith('+') || data.StartsWith("OK") || data.StartsWith("ERROR") || data.StartsWith("AT", StringComparison.OrdinalIgnoreCase);

    /// <summary>A packet's header: when, which way, text or hex, and where data on the same line would start.</summary>
    private readonly record struct Header(DateTimeOffset? Time, TimeSpan? TimeOfDay, LogDirection Direction, bool Hex, int DataStart)
    {
        public static Header? Parse(string line)
        {
            if (line.Length < 12 || line[0] != '[') return null;
            var match = Pattern().Match(line);
            if (!match.Success) return null;
            var stamp = match.Groups["stamp"].Value;
            DateTimeOffset? time = null;
            TimeSpan? timeOfDay = null;
            if (LogClock.TryParseTime(stamp, out var t)) timeOfDay = t;
            else if (LogClock.ReadDateTime(Encoding.ASCII.GetBytes(stamp), out var at) == stamp.Length) time = at;
            else return null;
            var direction = match.Groups["way"].Value == "SEND" ? LogDirection.ToModule : LogDirection.FromModule;
            return new Header(time, timeOfDay, direction, match.Groups["mode"].Value == "HEX", match.Length);
        }
    }

    [GeneratedRegex(@"^\[(?<stamp>[^\]]{8,32})\]\s*#\s*(?<way>SEND|RECV)\s+(?<mode>ASCII|HEX)[^>]*>\s?")]
    private static partial Regex Pattern();

    /// <summary>True for a line with this tool's header: another stamped format's reader counts it as foreign.</summary>
    public static bool Marks(string line) => Header.Parse(line) is not null;
}
