using System.Text;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// A capture a terminal shows with its control characters written out, the port's line ends by name or picture
/// (<see cref="ControlNames"/>): <c>AT+CSQ&lt;CR&gt;&lt;LF&gt;</c>, <c>[CR][LF]+CSQ: 20,99[CR][LF]</c>, <c>OK␍␊</c>, or as C's
/// escapes (<c>AT+CSQ\r\n</c>, <c>\r\nOK\r\n</c>, a logger's print of each buffer without its mark). The
/// names are the port's bytes; the file's own line breaks are the terminal's display, so a line that shows its line
/// end is its bytes alone, and one that shows none (a command typed without its CR shown) ends with CR LF. The direction
/// is the text's, as in a raw capture.
/// </summary>
internal sealed class ControlNamesReader : LogReader
{
    public override LogFormat Format => LogFormat.ControlNames;

    // A tool's stamped line with names in its data (Docklight's, ModemManager's) is that tool's: only a line that starts
    // as traffic or as a name is this format's.
    protected override LineEvidence Classify(string line) =>
        ControlNames.ShowsLineEnd(line) ? LooksStamped(line) && !ControlNames.StartsWithName(line) ? LineEvidence.Foreign : LineEvidence.Match
        : CEscapes.ShowsLineEnd(line) ? StartsAsEscapedTraffic(line) ? LineEvidence.Match : base.Classify(line)
        : base.Classify(line);

    // Escapes are many programs' print of a buffer, behind their own marks (`TX: "AT\r\n"`, `b'OK\r\n'`): only a line that
    // starts as traffic or as an escape is this format's.
    private static bool StartsAsEscapedTraffic(string line)
    {
        var start = line.AsSpan().TrimStart().TrimStart('"');
        return start.StartsWith('\\') || start.StartsWith('+') || start.StartsWith("AT", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("OK", StringComparison.Ordinal) || start.StartsWith("ERROR", StringComparison.Ordinal);
    }

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        var guess = new DirectionGuess();
        foreach (var line in lines)
        {
            if (line.Content.IsEmpty) continue;
            var bytes = ControlNames.PrintedBuffer(line.Text) ?? CEscapes.ShownLine(line.Text) ?? [.. Encoding.UTF8.GetBytes(line.Text.Trim()), (byte)'\r', (byte)'\n'];
            foreach (var (direction, data) in guess.Lines(bytes))
                yield return Record(line, null, direction, data);
        }
    }
}
