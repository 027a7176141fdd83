using System.Globalization;
using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// Android's radio log (<c>adb logcat -b radio</c>): the RIL writes what it sends as <c>AT&gt; AT+CSQ</c> and each line the
/// modem answers as <c>AT&lt; +CSQ: 20,99</c>, in logcat's formats — threadtime
/// (<c>11-30 08:00:00.123  1234  1250 D AT      : AT&gt; AT+CSQ</c>, also with the year, <c>-v year</c>), time
/// (<c>11-30 08:00:00.123 D/AT      ( 1234): AT&gt; AT+CSQ</c>) and brief (<c>D/AT(1234): AT&lt; +CSQ: 20,99</c>, no time).
/// The mark gives the direction; every other logcat line (RILJ, telephony, the <c>--------- beginning of radio</c>
/// banner) is the phone's own and skipped. Logcat writes no year: its stamps are times of day.
/// </summary>
internal sealed partial class LogcatReader : LogReader
{
    private readonly LogClock clock = new();

    public override LogFormat Format => LogFormat.Logcat;

    public override bool EndsLines => true;

    /// <summary>True for a logcat line: a bare date and time starts it too, so other stamped formats leave it to this one.</summary>
    public static bool Marks(string line) => Line().IsMatch(line);

    protected override LineEvidence Classify(string line) =>
        Marks(line) ? LineEvidence.Match
        : line.StartsWith("--------- ", StringComparison.Ordinal) ? LineEvidence.Neutral
        : LooksStamped(line) ? LineEvidence.Foreign : LineEvidence.Neutral;

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        foreach (var line in lines)
        {
            var match = Line().Match(line.Text);
            if (!match.Success || !match.Groups["mark"].Success || match.Groups["data"].Length == 0) continue;
            var direction = match.Groups["mark"].Value == ">" ? LogDirection.ToModule : LogDirection.FromModule;
            yield return Record(line, When(match), direction, line.Encode(match.Groups["data"].Value + "\r\n"));
        }
    }

    // The stamp: a time of day, on its date when the year is written (`-v year`); none in the brief format.
    private DateTimeOffset? When(Match match)
    {
        if (!match.Groups["time"].Success || !LogClock.TryParseTime(match.Groups["time"].ValueSpan, out var timeOfDay)) return null;
        if (!match.Groups["year"].Success) return clock.At(timeOfDay);
        return DateOnly.TryParseExact($"{match.Groups["year"].Value}-{match.Groups["month"].Value}-{match.Groups["day"].Value}", "yyyy-MM-dd",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + timeOfDay : null;
    }

    // A logcat line in threadtime (`11-30 08:00:00.123  1234  1250 D AT      : …`, a uid before the pid with `-v uid`), time (`11-30 08:00:00.123 D/AT( 1234): …`)
    // or brief (`D/AT( 1234): …`) format; its message holds traffic when it starts with the RIL's `AT>` or `AT<`
    // (after a channel in brackets, as some vendors' RILs write it: `[RIL_CMD_1] AT> AT+CSQ`).
    [GeneratedRegex(@"^(?:(?:(?<year>\d{4})-)?(?<month>\d\d)-(?<day>\d\d)\s+(?<time>\d\d:\d\d:\d\d\.\d{3,6})\s+(?:(?:[\w.]+\s+)?\d+\s+\d+\s+[VDIWEFA]\s+[^:]*?\s*:|[VDIWEFA]/[^(]*\(\s*\d+\)\s*:)" +
        @"|[VDIWEFA]/[^(]*\(\s*\d+\)\s*:)\s?(?:(?:\[[^\]]{1,40}\]\s*)?AT(?<mark>[<>])\s?(?<data>.*?)\s*$)?")]
    private static partial Regex Line();
}
