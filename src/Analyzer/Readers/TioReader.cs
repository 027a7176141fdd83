using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// tio's timestamps: <c>[10:11:12.123] OK</c> (time of day, crossing midnight), <c>[2024-01-02T10:11:12.123] OK</c>
/// (ISO 8601), and the relative forms <c>24hour-start</c> and <c>24hour-delta</c>; also a time of day without
/// brackets, as other terminals write it (<c>10:11:12.123 OK</c>).
/// </summary>
/// <remarks>
/// The relative forms look like a time of day; a log whose first stamp is under one second is taken as
/// relative. Then a stamp smaller than the one before shows the delta form (time since the previous line),
/// summed from there on; stamps before it are read as time since start.
/// </remarks>
internal sealed partial class TioReader : StampedTextReader
{
    private readonly LogClock clock = new();
    private bool? relative;
    private bool delta;
    private TimeSpan previous;
    private TimeSpan elapsed;

    public override LogFormat Format => LogFormat.Tio;

    protected override TimePrefix? ParseStamp(string line)
    {
        var match = Pattern().Match(line);
        if (!match.Success) return null;
        if (match.Groups["date"].Success)
            return LogClock.TryParseDateTime(match.Groups["date"].ValueSpan, match.Groups["time"].ValueSpan, out var absolute)
                ? new TimePrefix(absolute, null, match.Length) : null;
        if (!LogClock.TryParseTime(match.Groups["time"].ValueSpan, out var time)) return null;
        relative ??= time < TimeSpan.FromSeconds(1);
        if (relative == false) return new TimePrefix(clock.At(time), null, match.Length);
        if (!delta && time < previous) delta = true;
        elapsed = delta ? elapsed + time : time;
        previous = time;
        return new TimePrefix(null, elapsed, match.Length);
    }

    // In brackets as tio writes it, or bare as other terminals do (`10:11:12.123 OK`).
    [GeneratedRegex(@"^(?<open>\[)?(?:(?<date>\d{4}-\d\d-\d\d)T)?(?<time>\d\d:\d\d:\d\d(?:\.\d+)?)(?(open)\]) ")]
    private static partial Regex Pattern();
}
