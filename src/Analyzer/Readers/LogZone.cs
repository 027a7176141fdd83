using System.Numerics;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// The zones of a log's stamps, so that its times are compared as instants: a device or PC whose clock switches from
/// <c>14:00:00.100+08:00</c> to <c>06:00:01.200Z</c> went on by 1.1 s, not back by eight hours; so did a log written across a
/// change to or from daylight saving time whose stamps carry their offset. A stamp without a zone is in the zone of the
/// last stamp with one before it; before the log's first zone, in that first zone (the log's clock is taken to be one
/// clock until a stamp says otherwise). A log whose stamps name no zone keeps its times as written.
/// </summary>
/// <remarks>
/// A time keeps its wall-clock time as written (<see cref="DateTimeOffset.DateTime"/>: what the reports show); its
/// offset is the stamp's zone less the log's first zone, so the first zone's stamps, the stamps before them and every log
/// without zones have offset zero, and the difference of two times is the real time between them.
/// </remarks>
internal struct LogZone
{
    // The largest offset a DateTimeOffset holds.
    private static readonly TimeSpan Widest = TimeSpan.FromHours(14);

    private TimeSpan? _first;
    private TimeSpan _inForce;

    /// <summary>The time of a stamp written as <paramref name="asWritten"/> (offset zero), in the zone it names, if any.</summary>
    /// <remarks>A log without zones costs two tests a stamp (the stamped readers' hot path).</remarks>
    public DateTimeOffset Of(DateTimeOffset asWritten, TimeSpan? zone) => zone is null && _first is null ? asWritten : Zoned(asWritten, zone);

    private DateTimeOffset Zoned(DateTimeOffset asWritten, TimeSpan? zone)
    {
        if (zone is { } named)
        {
            _first ??= named;
            _inForce = named;
        }
        if (_first is not { } first) return asWritten;
        var offset = _inForce - first;
        // Zones more than 14 hours apart (+14:00 and -12:00 in one log) cannot be told in one offset: compared as written.
        if (offset == TimeSpan.Zero || offset.Duration() > Widest) return asWritten;
        var utc = asWritten.Ticks - offset.Ticks;
        return utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks ? asWritten : new DateTimeOffset(asWritten.DateTime, offset);
    }

    /// <summary>
    /// The length of a zone written right after a time: <c>Z</c>, <c>+08:00</c>, <c>+0800</c>, <c>-05</c>; and its offset
    /// (null when out of range: <c>+99:00</c> is read past and names no zone). 0 when none.
    /// </summary>
    public static int Read<T>(ReadOnlySpan<T> text, out TimeSpan? zone) where T : unmanaged, IBinaryInteger<T>
    {
        zone = null;
        if (text.IsEmpty) return 0;
        var first = Char(text, 0);
        if (first == 'Z')
        {
            zone = TimeSpan.Zero;
            return 1;
        }
        if (first is not ('+' or '-') || !TwoDigits(text, 1, out var hours)) return 0;
        int length, minutes = 0;
        if (text.Length >= 6 && Char(text, 3) == ':' && TwoDigits(text, 4, out var afterColon)) (length, minutes) = (6, afterColon);
        else if (text.Length >= 5 && TwoDigits(text, 3, out var bare)) (length, minutes) = (5, bare);
        else if (text.Length == 3 || !char.IsAsciiDigit(Char(text, 3)) && Char(text, 3) != ':') length = 3;
        else return 0;
        if (hours <= 14 && minutes <= 59)
        {
            var offset = new TimeSpan(hours, minutes, 0);
            zone = first == '-' ? -offset : offset;
            if (zone.Value.Duration() > Widest) zone = null;
        }
        return length;
    }

    /// <summary>
    /// A zone as loggers write it after a time: <c>Z</c>, <c>+08:00</c>, <c>+0800</c>, <c>+08</c>, and after <c>UTC</c> or
    /// <c>GMT</c> (<c>UTC+8</c>, <c>GMT+08:00</c>; alone, offset zero); null for anything else.
    /// </summary>
    public static TimeSpan? Parse(ReadOnlySpan<char> written)
    {
        written = written.Trim();
        if (written.StartsWith("UTC", StringComparison.OrdinalIgnoreCase) || written.StartsWith("GMT", StringComparison.OrdinalIgnoreCase))
        {
            written = written[3..];
            if (written.IsEmpty) return TimeSpan.Zero;
            // An hour of one digit (`UTC+8`, `GMT-5:30`).
            if (written.Length >= 2 && (written.Length == 2 || !char.IsAsciiDigit(written[2])))
                written = string.Concat(written[..1], "0", written[1..]);
        }
        return Read(written, out var zone) == written.Length ? zone : null;
    }

    private static char Char<T>(ReadOnlySpan<T> text, int at) where T : unmanaged, IBinaryInteger<T> => (char)int.CreateTruncating(text[at]);

    private static bool TwoDigits<T>(ReadOnlySpan<T> text, int at, out int value) where T : unmanaged, IBinaryInteger<T>
    {
        value = 0;
        if (text.Length < at + 2) return false;
        int tens = Char(text, at) - '0', ones = Char(text, at + 1) - '0';
        value = tens * 10 + ones;
        return (uint)tens <= 9 && (uint)ones <= 9;
    }
}
