using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// The output of VS Code's Serial Monitor, saved or copied: what it sent in a banner of its own
/// (<c>---- Sent utf8 encoded message: "AT+CSQ\r\n" ----</c>, its hex form <c>---- Sent hex encoded message: "41540D0A" ----</c>),
/// the port's banners (<c>---- Opened the serial port COM3 ----</c>), and between them the module's text as received. With
/// its timestamps on, a time before each line is read as a logger's (<see cref="LoggerStamp"/>).
/// </summary>
internal sealed partial class VsCodeSerialReader : LogReader
{
    private readonly LogClock clock = new();
    private bool stamped;   // whether a banner carried a time: then so do the module's lines

    public override LogFormat Format => LogFormat.VsCodeSerial;

    /// <summary>The banners are decisive: nothing else writes them.</summary>
    public override double Score(IReadOnlyList<string> sample) => HasBanner(sample) ? 1 : 0;

    /// <summary>True when a line of <paramref name="sample"/> is the monitor's banner: a raw capture holds none.</summary>
    public static bool HasBanner(IReadOnlyList<string> sample) => sample.Any(line => Banner().IsMatch(line));

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        foreach (var line in lines)
        {
            var text = line.Text;
            if (Banner().Match(text) is { Success: true } banner)
            {
                var time = Time(banner.Groups["stamp"].ValueSpan);
                stamped |= time is not null;
                if (Sent(banner) is { } data) yield return Record(line, time, LogDirection.ToModule, data);
                continue;
            }
            // The module's text, a line at a time with the line end it came with; after a stamp when the banners have one.
            var start = 0;
            DateTimeOffset? at = null;
            if (stamped && Stamp().Match(text) is { Success: true } stamp && Time(stamp.Groups["stamp"].ValueSpan) is { } written)
                (start, at) = (stamp.Length, written);
            yield return Record(line, at, LogDirection.FromModule, [.. line.BytesFrom(start), .. line.Ending.Span]);
        }
    }

    // What a banner says was sent, with the line end the monitor added (escaped in the utf8 form); null for a port's banner.
    private static byte[]? Sent(Match banner)
    {
        if (!banner.Groups["data"].Success) return null;
        var data = banner.Groups["data"].ValueSpan;
        var bytes = banner.Groups["encoding"].ValueSpan.Equals("hex", StringComparison.OrdinalIgnoreCase) ? HexCell.Bytes(data) ?? CEscapes.Decode(data) : CEscapes.Decode(data);
        // Sent without a line end (the monitor's line ending set to none): the module reads the line all the same only
        // once its end comes, but the log has no other record of it.
        return bytes.Length == 0 ? null : bytes[^1] is (byte)'\r' or (byte)'\n' ? bytes : [.. bytes, (byte)'\r', (byte)'\n'];
    }

    private DateTimeOffset? Time(ReadOnlySpan<char> stamp) =>
        stamp.Trim().IsEmpty ? null : LoggerStamp.Read(stamp)?.On(clock);

    // `---- Sent utf8 encoded message: "…" ----`, `---- Opened the serial port COM3 ----`, after a time when timestamps are on.
    [GeneratedRegex(@"^(?<stamp>.{0,40}?)---- (?:Sent (?<encoding>\w+) encoded message: ""(?<data>.*)"" ----|(?:Opened|Closed|Reopened|Lost) (?:the )?serial port .*----)\s*$")]
    private static partial Regex Banner();

    // A time before a line of the module's: bracketed or not, ending in a space or an arrow.
    [GeneratedRegex(@"^(?<stamp>\[?[\d\-/.T]*[ T]?\d{1,2}:\d\d:\d\d(?:[.,]\d{1,6})?Z?\]?)\s*(?:->\s?)?")]
    private static partial Regex Stamp();
}
