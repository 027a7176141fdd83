using System.Globalization;
using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// tio's timestamps: <c>[10:11:12.123] OK</c> (time of day, crossing midnight), <c>[2024-01-02T10:11:12.123] OK</c>
/// (ISO 8601, a zone after the time too: <c>[2024-01-02T10:11:12.123+08:00]</c>), and the relative forms <c>24hour-start</c> and <c>24hour-delta</c>; also the stamps other terminals,
/// scripts and firmware write without a direction: a time of day without brackets (<c>10:11:12.123 OK</c>), with a colon
/// before the milliseconds (<c>10:11:12:123</c>), a date as a Windows locale writes it (<c>2024/1/2 3:04:05</c>), epoch
/// seconds, time since start in brackets (<c>[   12.345]</c>, <c>[12345]</c> milliseconds), a time of day in parentheses
/// (<c>(10:11:12.345)</c>), Tera Term 4's <c>[Mon Nov 30 10:11:12.345 2026]</c>, Zephyr's <c>[00:00:01.100,250] &lt;dbg&gt; modem: AT</c>, and ESP-IDF's log
/// (<c>I (1234) modem: AT</c>, milliseconds since boot).
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
        if (match.Groups["epoch"].Success)
            return LogClock.TryParseEpoch(match.Groups["epoch"].ValueSpan, out var epoch) ? new TimePrefix(epoch, null, match.Length) : null;
        if (match.Groups["since"].Success) return new TimePrefix(null, SinceStart(match.Groups["since"].ValueSpan), match.Length);
        if (match.Groups["boot"].Success) return new TimePrefix(null, TimeSpan.FromMilliseconds(long.Parse(match.Groups["boot"].ValueSpan, CultureInfo.InvariantCulture)), match.Length);
        if (!LogClock.TryParseTime(LogClock.Padded(match.Groups["time"].ValueSpan), out var time)) return null;
        if (match.Groups["year"].Success)
            return DateOnly.TryParseExact($"{match.Groups["year"].ValueSpan} {match.Groups["month"].ValueSpan} {match.Groups["day"].ValueSpan}", "yyyy MMM d", CultureInfo.InvariantCulture, DateTimeStyles.None, out var named)
                ? new TimePrefix(clock.Dated(named, time), null, match.Length) : null;
        if (match.Groups["date"].Success)
            return LogClock.WrittenDate(match.Groups["date"].ValueSpan) is { } day
                ? new TimePrefix(clock.Dated(day, time, match.Groups["zone"].Success ? LogZone.Parse(match.Groups["zone"].ValueSpan) : null), null, match.Length) : null;
        relative ??= time < TimeSpan.FromSeconds(1);
        if (relative == false) return new TimePrefix(clock.At(time), null, match.Length);
        if (!delta && time < previous) delta = true;
        elapsed = delta ? elapsed + time : time;
        previous = time;
        return new TimePrefix(null, elapsed, match.Length);
    }

    // Seconds with a fraction (`[   12.345]`, as a kernel or an RTOS stamps its log), or whole milliseconds (`[12345]`, an MCU's millis()).
    private static TimeSpan SinceStart(ReadOnlySpan<char> stamp) => stamp.Contains('.')
        ? TimeSpan.FromTicks((long)(decimal.Parse(stamp, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond))
        : TimeSpan.FromMilliseconds(long.Parse(stamp, CultureInfo.InvariantCulture));

    // Tera Term's padded date and time (`[2024-01-02 10:11:12.123]`, bare too) is the timestamped format's, Docklight's `12/7/2026 14:08:35.770 [RX] -` Docklight's,
    // a journal's ModemManager lines ModemManager's, strace's calls strace's, a journal's or syslog's lines (`Nov 30 08:00:00 gw modem[311]: AT`) the journal's.
    protected override LineEvidence Classify(string line) =>
        IsTimestamped(line) || DocklightReader.Marks(line) || ModemManagerReader.Marks(line) || StraceReader.Marks(line) || JournalReader.Marks(line)
            ? LineEvidence.Foreign : base.Classify(line);

    private static bool IsTimestamped(string line)
    {
        Span<byte> head = stackalloc byte[40];
        var from = line.StartsWith('[') ? 1 : 0;
        var length = Math.Min(line.Length - from, head.Length);
        for (var i = 0; i < length; i++) head[i] = line[from + i] < 0x80 ? (byte)line[from + i] : (byte)0xFF;
        return LogClock.ReadDateTime(head[..length], out _, out _) > 0 && (from == 0 || line[from + 10] != 'T');
    }

    // In brackets as tio writes it, or bare as other terminals do (`10:11:12.123 OK`, `10:11:12:123\tOK`); also a date as a
    // Windows locale writes it (`2024/1/2 3:04:05`), epoch seconds (`1700000000.123`; bare only with a fraction) and, in
    // brackets, time since start: seconds with a fraction (`[   12.345]`, a kernel's or an RTOS's log) or milliseconds (`[12345]`);
    // and ESP-IDF's log, milliseconds since boot after the level and before the tag (`I (1234) modem: AT`). A time of day
    // (a date too) may stand in parentheses, as some terminals and MCU loggers write it (`(10:11:12.345) AT`); Tera Term 4 writes
    // the date around the time, in brackets (`[Mon Nov 30 10:11:12.345 2026]`); Zephyr's log its uptime to the microsecond
    // and the level and module after it (`[00:00:01.100,250] <dbg> modem: AT`).
    [GeneratedRegex(@"^(?:(?<open>\[)\s*|(?<paren>\())?(?:(?:(?<date>\d{4}([-/.])\d\d?\1\d\d?|\d\d?([/.])\d\d?\2\d{4})[T ]|(?(open)(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +(?<day>\d\d?) |(?!)))?" +
        @"(?<time>\d\d?:\d\d:\d\d(?:[.,:]\d{1,7})?)(?:(?<=\.\d{3}),\d{3})?(?(date)(?<zone>Z|[+-]\d\d:?\d\d)?|)(?(month) (?<year>\d{4})|)" +
        @"|(?<epoch>1\d{9}(?(open)(?:\.\d{1,9})?|\.\d{1,9}))|(?(open)(?<since>\d{1,9}(?:\.\d{1,9})?)|(?!))" +
        @"|(?(open)(?!)|[EWIDV] \((?<boot>\d{1,10})\) [^\s:]+:))(?(open)\s*\])(?(paren)\))[ \t](?:<(?:dbg|inf|wrn|err)> [^\s:]+: )?")]
    private static partial Regex Pattern();
}
