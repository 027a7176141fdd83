namespace Conformance.Analyzer.Timeline;

/// <summary>Where something happened: its original log line and, when the log says, its time.</summary>
/// <remarks>
/// A stamp is copied for every event and every rule it passes through: its two flags ride in the top bits of the line
/// number, so that it stays three words long.
/// </remarks>
internal readonly record struct Stamp
{
    private const long InheritedBit = 1L << 62, FineBit = 1L << 61, LineBits = FineBit - 1;

    private readonly long _line;

    /// <param name="line">1-based line of the original log.</param>
    /// <param name="time">Wall-clock time from the log.</param>
    /// <param name="clock">Time since the start of the log; the base of every latency and duration.</param>
    /// <param name="inherited">The line has no stamp of its own: its time is the last stamp's (<see cref="Readers.LogRecord.TimeInherited"/>).</param>
    /// <param name="fine">The log has shown a stamp with a fraction of a second by this line: its clock tells milliseconds.</param>
    public Stamp(long line, DateTimeOffset? time, TimeSpan? clock, bool inherited = false, bool fine = false)
    {
        _line = line & LineBits | (inherited ? InheritedBit : 0) | (fine ? FineBit : 0);
        (Time, Clock) = (time, clock);
    }

    /// <summary>1-based line of the original log.</summary>
    public long Line { get => _line & LineBits; init => _line = _line & ~LineBits | value & LineBits; }

    /// <summary>Wall-clock time from the log.</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>Time since the start of the log; the base of every latency and duration.</summary>
    public TimeSpan? Clock { get; init; }

    /// <summary>The line has no stamp of its own: its time is the last stamp's (<see cref="Readers.LogRecord.TimeInherited"/>).</summary>
    public bool Inherited => (_line & InheritedBit) != 0;

    /// <summary>The log has shown a stamp with a fraction of a second by this line: its clock tells milliseconds.</summary>
    public bool Fine => (_line & FineBit) != 0;

    /// <summary>
    /// Whole milliseconds from <paramref name="earlier"/> to this stamp, rounded half away from zero; null when either has
    /// no time, or when the time went back between them (no span is measured across a clock set back).
    /// </summary>
    /// <remarks>
    /// Whole, whatever the stamps' precision (a CSV's <c>0.1234567</c> seconds, a journal's microseconds, a Tera Term
    /// log's milliseconds): every format's latency is the same number for the same traffic, in every report.
    /// </remarks>
    public double? MillisecondsSince(Stamp earlier) =>
        Clock - earlier.Clock is { } span && span >= TimeSpan.Zero ? Math.Round(span.TotalMilliseconds, MidpointRounding.AwayFromZero) : null;

    /// <summary>
    /// True when the stamp falls on a whole second in a log that has shown no finer one, as a clock that writes no fraction
    /// (<c>[14:00:05]</c>) stamps every line. A clock of milliseconds does so once in a thousand lines, and a fast answer
    /// shares its command's millisecond: once the log has shown a fraction, a whole second is chance (<see cref="Fine"/>).
    /// </summary>
    public bool OnWholeSecond => !Fine && IsWholeSecond(Time, Clock);

    /// <summary>True when a time (or, without one, a time since the start) has no fraction of a second.</summary>
    public static bool IsWholeSecond(DateTimeOffset? time, TimeSpan? clock) =>
        (time?.Ticks ?? clock?.Ticks) is { } ticks && ticks % TimeSpan.TicksPerSecond == 0;

    /// <summary>
    /// A latency, as <see cref="MillisecondsSince"/>; null also when either line has no stamp of its own (<see cref="Inherited"/>),
    /// and when both stamps fall on whole seconds (<see cref="OnWholeSecond"/>): between <c>14:00:05</c> and <c>14:00:05</c>
    /// an answer took anything under a second, between <c>14:00:05</c> and <c>14:00:06</c> anything up to two, so no
    /// number of milliseconds is true.
    /// </summary>
    public double? LatencySince(Stamp sent) => Inherited || sent.Inherited || OnWholeSecond && sent.OnWholeSecond ? null : MillisecondsSince(sent);
}
