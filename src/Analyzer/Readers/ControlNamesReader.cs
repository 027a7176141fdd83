using System.Text;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// A capture a terminal shows with its control characters written out, the port's line ends by name or picture
/// (<see cref="ControlNames"/>): <c>AT+CSQ&lt;CR&gt;&lt;LF&gt;</c>, <c>[CR][LF]+CSQ: 20,99[CR][LF]</c>, <c>OK␍␊</c>. The
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
        !ControlNames.ShowsLineEnd(line) ? base.Classify(line)
        : LooksStamped(line) && !ControlNames.StartsWithName(line) ? LineEvidence.Foreign : LineEvidence.Match;

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        var guess = new DirectionGuess();
        foreach (var line in lines)
        {
            if (line.Content.IsEmpty) continue;
            var bytes = ControlNames.PrintedBuffer(line.Text) ?? [.. Encoding.UTF8.GetBytes(line.Text.Trim()), (byte)'\r', (byte)'\n'];
            foreach (var (direction, data) in guess.Lines(bytes))
                yield return Record(line, null, direction, data);
        }
    }
}
