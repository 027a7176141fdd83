namespace Conformance.Analyzer.Readers;

/// <summary>
/// Whether a number after a line's traffic that reads as epoch time (<c>… [1764597605]</c>, <see cref="TrailingStamp"/>) is
/// the log's stamp or the line's own number (a message's <c>seq [1234567890]</c>, an id): a stamp continues the stamps
/// before it, a message's number lands anywhere in the 285 years ten digits span.
/// </summary>
/// <remarks>
/// The rule is the log's clock, not the number's look: the line that carries such a number and no stamp of its own is
/// written exactly as a stamped one, so only its distance from the stamps around it tells them apart. A script's clock runs
/// forward, at most stepped back by a time sync or a zone set right, and a capture may pause for days; a number more than
/// <see cref="Back"/> before the last stamp or more than <see cref="Ahead"/> after it is the line's. Two such numbers in a
/// row that continue each other are the clock itself, set anew (a clock stepped back further, or a log whose first
/// number was a message's): the log follows them. A time of day is never judged so: it wraps at midnight.
/// </remarks>
internal sealed class EpochContinuity
{
    /// <summary>How far before the last stamp a stamp may be: lines of two threads written out of order, a time sync, a zone set right.</summary>
    public static readonly TimeSpan Back = TimeSpan.FromDays(1);

    /// <summary>How far after the last stamp a stamp may be: a capture left running through a long pause.</summary>
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(30);

    private DateTimeOffset? _last, _passed;

    /// <summary>True when <paramref name="found"/>, read as <paramref name="time"/>, is the log's stamp; a number that is not is remembered.</summary>
    public bool Takes(TrailingStamp.Found found, DateTimeOffset time)
    {
        if (found.Written == TrailingStamp.Kind.Clock) return true;
        if (_last is null || Continues(_last.Value, time) || _passed is { } passed && Continues(passed, time))
        {
            (_last, _passed) = (time, null);
            return true;
        }
        _passed = time;
        return false;
    }

    private static bool Continues(DateTimeOffset last, DateTimeOffset time) => time >= last - Back && time <= last + Ahead;
}
