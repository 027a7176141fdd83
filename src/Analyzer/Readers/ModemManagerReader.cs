using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// ModemManager's debug log (<c>--debug</c>, often inside journal lines):
/// <c>&lt;debug&gt; [1640639307.692391] [modem0/ttyUSB1/at] --&gt; 'AT+CSQ&lt;CR&gt;'</c> and <c>&lt;-- '&lt;CR&gt;&lt;LF&gt;OK&lt;CR&gt;&lt;LF&gt;'</c>;
/// since 1.20 the level is <c>&lt;dbg&gt;</c> and the port <c>[wwan0at1/at]</c>; releases before 1.0 (and
/// NetworkManager's) wrote no time, the port as <c>(ttyHS2):</c>.
/// Times are epoch seconds; lines that are not AT traffic are skipped.
/// </summary>
internal sealed partial class ModemManagerReader : LogReader
{
    public override LogFormat Format => LogFormat.ModemManager;

    protected override LineEvidence Classify(string line) =>
        Traffic().IsMatch(line) ? LineEvidence.Match
        : line.Contains("ModemManager", StringComparison.Ordinal) || line.Contains("<debug>", StringComparison.Ordinal) || line.Contains("<dbg>", StringComparison.Ordinal)
            || line.Contains("<info>", StringComparison.Ordinal) || line.Contains("<inf>", StringComparison.Ordinal) || line.Contains("<msg>", StringComparison.Ordinal)
            ? LineEvidence.Neutral : LooksStamped(line) ? LineEvidence.Foreign : LineEvidence.Neutral;

    /// <summary>True for a line of ModemManager's traffic, or one naming it: in a journal, other stamped formats leave it to this one.</summary>
    public static bool Marks(string line) => line.Contains("ModemManager", StringComparison.Ordinal) || Traffic().IsMatch(line);

    /// <summary>True for a line of ModemManager's traffic (<c>--&gt; 'AT+CSQ&lt;CR&gt;'</c>), not one that merely names it.</summary>
    public static bool IsTraffic(string line) => Traffic().IsMatch(line);

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        foreach (var line in lines)
        {
            var text = line.Text;
            var match = Traffic().Match(text);
            if (!match.Success) continue;
            DateTimeOffset? time = LogClock.TryParseEpoch(match.Groups["time"].ValueSpan, out var epoch) ? epoch : null;
            if (match.Groups["time"].Success && time is null) continue;
            var direction = match.Groups["arrow"].Value == "-->" ? LogDirection.ToModule : LogDirection.FromModule;
            yield return Record(line, time, direction, line.Encode(ControlNames.Decode(match.Groups["data"].Value, out _)));
        }
    }

    [GeneratedRegex(@"<(?:debug|dbg)>\s+(?:\[(?<time>\d+(?:\.\d+)?)\]\s+)?(?:\S+\s+)?(?<arrow>-->|<--)\s+'(?<data>.*)'\s*$")]
    private static partial Regex Traffic();
}
