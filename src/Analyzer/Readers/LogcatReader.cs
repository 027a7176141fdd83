using System.Globalization;
using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// Android's radio log (<c>adb logcat -b radio</c>): the RIL writes what it sends as <c>AT&gt; AT+CSQ</c> and each line the
/// modem answers as <c>AT&lt; +CSQ: 20,99</c>, in logcat's formats — threadtime
/// (<c>11-30 08:00:00.123  1234  1250 D AT      : AT&gt; AT+CSQ</c>, also with the year, <c>-v year</c>), time
/// (<c>11-30 08:00:00.123 D/AT      ( 1234): AT&gt; AT+CSQ</c>), brief (<c>D/AT(1234): AT&lt; +CSQ: 20,99</c>, no time) and long
/// (<c>-v long</c>: a header per entry, <c>[ 11-30 08:00:00.123  1234: 1250 D/AT       ]</c>, the message on the lines after
/// it, a blank line after the entry).
/// The mark gives the direction. A program that logs the port in its own words (<c>D AtChannel: &gt; AT+CSQ</c>,
/// <c>D AtChannel: &lt; OK</c>, or unmarked) is read as a transcript is, once its tag has logged traffic; every other logcat line (RILJ, telephony, the <c>--------- beginning of radio</c>
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

    /// <summary>
    /// With <c>-v long</c> a message stands on the lines after its header: a sample with headers counts each line of an
    /// entry for this format, as the header's.
    /// </summary>
    public override double Score(IReadOnlyList<string> sample)
    {
        if (sample.Count(line => LongHeader().IsMatch(line)) < 2) return base.Score(sample);
        int match = 0, other = 0;
        var inEntry = false;
        foreach (var line in sample)
        {
            inEntry |= LongHeader().IsMatch(line);
            if (inEntry || Marks(line)) match++;
            else other++;
        }
        return (double)match / (match + other);
    }

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        // The time and tag of the entry whose message lines follow (`-v long`); null outside one.
        DateTimeOffset? entry = null;
        string? entryTag = null;
        var inEntry = false;
        var talkers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var text = line.Text;
            if (LongHeader().Match(text) is { Success: true } header)
            {
                (entry, entryTag, inEntry) = (When(header), header.Groups["tag"].Value.Trim(), true);
                continue;
            }
            var match = inEntry && Message().Match(text) is { Success: true } message ? message : Line().Match(text);
            if (!match.Success) continue;
            var time = match.Groups["time"].Success || !inEntry ? When(match) : entry;
            if (match.Groups["mark"].Success)
            {
                if (match.Groups["data"].Length == 0) continue;
                var direction = match.Groups["mark"].Value == ">" ? LogDirection.ToModule : LogDirection.FromModule;
                yield return Record(line, time, direction, line.Encode(match.Groups["data"].Value + "\r\n"));
            }
            else if (Traffic(match.Groups["tag"].Success ? match.Groups["tag"].Value.Trim() : entryTag ?? "", match.Groups["rest"].Value, talkers) is var (direction, data))
                yield return Record(line, time, direction, line.Encode(data + "\r\n"));
        }
    }

    /// <summary>
    /// The traffic of a program that logs the port in its own words rather than the RIL's <c>AT&gt;</c>: a transcript's
    /// mark (<c>AtChannel: &gt; AT+CSQ</c>, <c>AtChannel: &lt; OK</c>, <c>TX:</c>/<c>RX:</c>, <c>--&gt;</c>/<c>&lt;--</c>) or none
    /// (<c>AtChannel: AT+CSQ</c>, <c>AtChannel: OK</c>: a command is sent, anything else answered). A tag's message is
    /// traffic once the tag has logged a command or a response by its name; the phone's other tags (RILJ's
    /// <c>[3820]&gt; SIGNAL_STRENGTH</c>) never have.
    /// </summary>
    private static (LogDirection, string)? Traffic(string tag, string message, HashSet<string> talkers)
    {
        if (message.Length == 0) return null;
        var mark = TranscriptTag.Parse(message);
        var data = mark is null ? message : message[Math.Min(mark.DataStart, message.Length)..].Trim();
        if (data.Length == 0) return null;
        var bytes = System.Text.Encoding.UTF8.GetBytes(data);
        if (JournalReader.IsTraffic(bytes)) talkers.Add(tag);
        else if (!talkers.Contains(tag)) return null;
        var direction = mark?.Direction ?? (DirectionGuess.StartsWithAt(bytes) ? LogDirection.ToModule : LogDirection.FromModule);
        return (direction, data);
    }

    // The stamp: a time of day, on its date when the year is written (`-v year`), or epoch seconds (`-v long,epoch`); none in the brief format.
    private DateTimeOffset? When(Match match)
    {
        if (match.Groups["epoch"].Success) return LogClock.TryParseEpoch(match.Groups["epoch"].ValueSpan, out var epoch) ? epoch : null;
        if (!match.Groups["time"].Success || !LogClock.TryParseTime(match.Groups["time"].ValueSpan, out var timeOfDay)) return null;
        if (!match.Groups["year"].Success) return clock.At(timeOfDay);
        return DateOnly.TryParseExact($"{match.Groups["year"].Value}-{match.Groups["month"].Value}-{match.Groups["day"].Value}", "yyyy-MM-dd",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + timeOfDay : null;
    }

    // `-v long`'s header: `[ 11-30 08:00:00.123  1234: 1250 D/AT       ]`, the year with `-v year`, microseconds with `-v usec`,
    // the zone with `-v zone` (read past: times stay as written), epoch seconds with `-v epoch`, a uid before the pid with
    // `-v uid` (`1001:` or `radio:`).
    [GeneratedRegex(@"^\[\s+(?:(?:(?<year>\d{4})-)?(?<month>\d\d)-(?<day>\d\d)\s+(?<time>\d\d:\d\d:\d\d\.\d{3,6})(?:\s+[+-]\d{4})?|(?<epoch>1\d{9}\.\d{3,6}))\s+(?:[\w.]+:\s*)?\d+:\s*\d+\s+[VDIWEFA]/(?<tag>[^\]]*)\]\s*$")]
    private static partial Regex LongHeader();

    // A line of a long entry's message: the RIL's mark, after a channel in brackets as some vendors write it.
    [GeneratedRegex(@"^(?:(?:\[[^\]]{1,40}\]\s*)?AT(?<mark>[<>])\s?(?<data>.*?)\s*$|(?<rest>.*?)\s*$)")]
    private static partial Regex Message();

    // A logcat line in threadtime (`11-30 08:00:00.123  1234  1250 D AT      : …`, a uid before the pid with `-v uid`), time (`11-30 08:00:00.123 D/AT( 1234): …`)
    // or brief (`D/AT( 1234): …`) format; its message holds traffic when it starts with the RIL's `AT>` or `AT<`
    // (after a channel in brackets, as some vendors' RILs write it: `[RIL_CMD_1] AT> AT+CSQ`), or is a program's own (`rest`, see Traffic).
    [GeneratedRegex(@"^(?:(?:(?<year>\d{4})-)?(?<month>\d\d)-(?<day>\d\d)\s+(?<time>\d\d:\d\d:\d\d\.\d{3,6})\s+(?:(?:[\w.]+\s+)?\d+\s+\d+\s+[VDIWEFA]\s+(?<tag>[^:]*?)\s*:|[VDIWEFA]/(?<tag>[^(]*)\(\s*\d+\)\s*:)" +
        @"|[VDIWEFA]/(?<tag>[^(]*)\(\s*\d+\)\s*:)\s?(?:(?:\[[^\]]{1,40}\]\s*)?AT(?<mark>[<>])\s?(?<data>.*?)\s*$|(?<rest>.*?)\s*$)")]
    private static partial Regex Line();
}
