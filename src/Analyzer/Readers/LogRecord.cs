using System.Text;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// One piece of traffic read from a captured log, whatever its format: where it is in the original file,
/// when it happened as far as the log says, which way it went and its bytes.
/// </summary>
/// <param name="Line">1-based line of <paramref name="File"/> where the record starts.</param>
/// <param name="File">The file the record came from (one of several when a log was rotated).</param>
/// <param name="Time">Wall-clock time; for time-of-day stamps the date comes from a header or is <see cref="LogClock.BaseDate"/> (no date: see <see cref="IsDated"/>).</param>
/// <param name="SinceStart">Time since the first record: from relative stamps, or <paramref name="Time"/> minus the first time.</param>
/// <param name="Direction">Which way the bytes went, recorded by the log or guessed from the text.</param>
/// <param name="Data">The exact bytes as far as the format keeps them; line ends included (added as CR LF where the format drops them).</param>
public sealed record LogRecord(long Line, string File, DateTimeOffset? Time, TimeSpan? SinceStart, LogDirection Direction, byte[] Data)
{
    /// <summary>
    /// True when <see cref="Data"/> holds consecutive whole lines of the file, line ends included, starting at
    /// <see cref="Line"/>: the line of a byte inside is <see cref="Line"/> plus the line ends before it.
    /// </summary>
    public bool SpansLines { get; init; }

    /// <summary>True when the line's stamp is no real date or time (<c>2024-02-30</c>): the record has no <see cref="Time"/>.</summary>
    public bool StampNotATime { get; init; }

    /// <summary>
    /// True when the line has no stamp of its own in a log that stamps its lines: its time is the last stamp's, which
    /// keeps it in order but says nothing of when it came, so no latency is measured to or from it.
    /// </summary>
    public bool TimeInherited { get; init; }

    /// <summary>True when the record is a line the terminal split over two stamps, read as one (<see cref="SplitLines"/>).</summary>
    public bool Rejoined { get; init; }

    /// <summary>A row the record holds that says its data is hex and is not: read as text (<see cref="TextInHexRow"/>).</summary>
    public TextInHexRow? NotHex { get; init; }

    /// <summary>
    /// Whether <paramref name="time"/> is on a real date: a log's times of day without one count their days from
    /// <see cref="LogClock.BaseDate"/>, and a date in the year after it is no real date either (2000-01-01 is where
    /// many modules' and MCUs' clocks start before they are set: the days since then are all it says).
    /// </summary>
    public static bool IsDated(DateTime time) =>
        DateOnly.FromDateTime(time) is var day && (day < LogClock.BaseDate || day >= LogClock.BaseDate.AddYears(1));

    /// <summary>The record lent as a view (its data is this record's own array).</summary>
    public RecordView View => new(Line, File, Time, SinceStart, Direction, Data, SpansLines, Data, StampNotATime, Rejoined, NotHex, TimeInherited);

    /// <summary>The data as text, decoded as UTF-8 (for display; <see cref="Data"/> is authoritative).</summary>
    public string Text => Encoding.UTF8.GetString(Data);

    public bool Equals(LogRecord? other) =>
        other is not null && Line == other.Line && File == other.File && Time == other.Time &&
        SinceStart == other.SinceStart && Direction == other.Direction && SpansLines == other.SpansLines &&
        Data.AsSpan().SequenceEqual(other.Data);

    public override int GetHashCode() => HashCode.Combine(Line, File, Time, Direction, Data.Length);
}
