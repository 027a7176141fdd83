using System.Text;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// A row of a structured log (a JSON object per line, a CSV export): its time, its direction and its message, each
/// from a field of its own. The row is read as the line a logger would have written of it, <c>TIME [DIRECTION] MESSAGE</c>,
/// by <see cref="LoggerReader"/>, so a time, a direction word and a mark inside the message (<c>"msg":"TX: AT+CSQ"</c>)
/// are read as in any logger's line, and the row keeps its line number.
/// </summary>
/// <param name="Time">The time as a logger's stamp (<see cref="RowTime"/>: <c>2026-11-30T10:11:12.101Z</c>, epoch seconds), if any.</param>
/// <param name="Direction">The direction field as written (<c>tx</c>, <c>RX</c>, <c>send</c>, <c>out</c>, <c>发送</c>, <c>收</c>: the words of a logger's marks; or an arrow, <c>→</c>), if any.</param>
/// <param name="Message">The traffic, or the logger's own words.</param>
/// <param name="Unended">The message is bytes the row wrote in hex that end within a line: a packet of the port cut where a read ended.</param>
/// <param name="NotHex">What is wrong with a message the row says is hex and is not, read as written (<see cref="HexCell.Fault"/>).</param>
internal readonly record struct StructuredRow(string? Time, string? Direction, string Message, bool Unended = false, string? NotHex = null)
{
    /// <summary>
    /// True when the row is the port's traffic: a field gives its direction (a message that is no AT syntax, such as
    /// a publish's payload on a row of its own, is still the port's), or the message holds traffic after any mark.
    /// The logger's own words (<c>serial port opened</c>) are not.
    /// </summary>
    public bool IsTraffic => Said is not null || LoggerLine.Find(Message.Trim()) is not null;

    /// <summary>
    /// The direction field as the mark a logger writes before the traffic: a word in brackets (<c>[TX]</c>, <c>[发送]</c>,
    /// <c>[收]</c>, <c>[Write]</c>: a word a logger's mark says), or an arrow as it stands (<c>→</c>, <c>&lt;-</c>, its
    /// meaning learned as in a logger's lines); null when the field says no direction.
    /// </summary>
    private string? Said
    {
        get
        {
            var written = Direction?.Trim();
            if (string.IsNullOrEmpty(written)) return null;
            if (TranscriptTag.Arrows.ContainsKey(written)) return written;
            var word = $"[{written}]";
            return LoggerLine.Mark($"{word} AT", word.Length + 1)?.Direction is not null ? word : null;
        }
    }

    /// <summary>The row as a logger's line, numbered as the row in its file; <paramref name="notHex"/> the row in it that says hex and is not.</summary>
    public LogLine AsLine(LogLine row, TextInHexRow? notHex = null)
    {
        var text = new StringBuilder(Message.Length + 40);
        if (!string.IsNullOrWhiteSpace(Time)) text.Append(Time.Trim()).Append(' ');
        // A mark in the message speaks for it; else the direction field, as a word mark a logger writes.
        if (Said is { } mark && LoggerLine.Find(Message) is not { Marked: true }) text.Append(mark).Append(' ');
        // A message of several lines (`"RX: \r\n+CSQ: 20,99\r\n\r\nOK\r\n"`) keeps its line ends inside: they part its lines.
        text.Append(Message.AsSpan().Trim());
        return new LogLine(row.File, row.Number, Encoding.UTF8.GetBytes(text.ToString()), row.Ending.ToArray()) { NotHex = notHex };
    }

    /// <summary>The rows of a structured log read as a logger's lines, the rows that are no traffic left out.</summary>
    public static IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines, Func<LogLine, StructuredRow?> parse) =>
        new LoggerReader().Read(Packets(lines, parse));

    // The rows of traffic as lines; a packet cut within a line is joined to the next row of its direction that goes on
    // with it (`0D 0A 2B 43 53 51 3A 20 32 30 2C` / `39 39 0D 0A`: `+CSQ: 20,99`), stamped and numbered as its first row.
    // A next row that starts a line of its own (a command, `+NAME`, `OK`) is no rest: a command written without its line end stays one.
    private static IEnumerable<LogLine> Packets(IEnumerable<LogLine> lines, Func<LogLine, StructuredRow?> parse)
    {
        (LogLine Line, StructuredRow Row, TextInHexRow? NotHex)? held = null;
        foreach (var line in lines)
        {
            if (parse(line) is not { IsTraffic: true } row) continue;
            var first = line;
            // A row said to be hex that is not: its own line and data, whichever row's line it is read in.
            var notHex = row.NotHex is { } fault ? new TextInHexRow(line.Number, row.Message.Trim(), fault) : null;
            if (held is { } before)
            {
                held = null;
                var rest = row.Message.AsSpan().TrimStart("\r\n");
                if (before.Row.Direction == row.Direction && (rest.IsEmpty || !LoggerLine.StartsTraffic(rest)))
                    (first, row, notHex) = (before.Line, before.Row with { Message = before.Row.Message + row.Message, Unended = row.Unended }, before.NotHex ?? notHex);
                else yield return before.Row.AsLine(before.Line, before.NotHex);
            }
            if (row.Unended) held = (first.Kept(), row, notHex);
            else yield return row.AsLine(first, notHex);
        }
        if (held is { } last) yield return last.Row.AsLine(last.Line, last.NotHex);
    }
}
