using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>Tera Term and minicom with timestamps: <c>[2024-01-02 10:11:12.123] +MQTTOPEN:OK</c>.</summary>
internal sealed partial class TimestampedReader : StampedTextReader
{
    public override LogFormat Format => LogFormat.Timestamped;

    protected override TimePrefix? ParseStamp(string line)
    {
        var match = Pattern().Match(line);
        if (!match.Success || !LogClock.TryParseDateTime(match.Groups["date"].ValueSpan, match.Groups["time"].ValueSpan, out var time)) return null;
        return new TimePrefix(time, null, match.Length);
    }

    [GeneratedRegex(@"^\[(?<date>\d{4}-\d\d-\d\d) (?<time>\d\d:\d\d:\d\d(?:\.\d+)?)\] ?")]
    private static partial Regex Pattern();
}
