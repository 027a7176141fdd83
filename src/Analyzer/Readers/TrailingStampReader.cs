namespace Conformance.Analyzer.Readers;

/// <summary>
/// A log whose lines carry their stamp after the traffic (<c>AT+CSQ    (14:00:00.100)</c>, <c>OK&#9;@14:00:00.200</c>,
/// <c>AT+MQTTOPEN=0  // 2026-11-30 14:00:00.300</c>, <c>AT+CSQ  [1764597600.123]</c>; <see cref="TrailingStamp"/>): the stamp
/// gives the line its time and is no part of the data; the direction is the text's, as in other logs without marks. A line
/// without such a stamp, or with one of another kind than the log's first (<see cref="TrailingStamp.Found.Agrees"/>), or a
/// number that does not continue the log's epoch clock (<see cref="EpochContinuity"/>), keeps the time before it and its text whole.
/// </summary>
/// <remarks>
/// Chosen only when most lines of the sample are traffic ending in a stamp (<see cref="Most"/>): the decision is the log's, so in a log
/// of another format a module's answer that happens to end in a bracketed time (<c>+CCLK: 26/11/30,14:00:00 [12:00:00]</c>)
/// keeps it as its text.
/// </remarks>
internal sealed class TrailingStampReader : StampedTextReader
{
    /// <summary>The share of a sample's lines that must be traffic ending in a stamp for the log to be read so: more than half.</summary>
    private const double Most = 0.5;

    private readonly LogClock _clock = new();

    // The last line whose stamp was read, and where its traffic ends: its data is read right after its stamp.
    private (string? Line, int DataEnd) _stamped;

    // The log's first stamp: a stamp of another kind after it is the line's text (an id in brackets in a log of clock times).
    private TrailingStamp.Found? _first;

    // Whether a number read as epoch time continues the log's clock: else it is the line's own (`seq [1234567890]`).
    private readonly EpochContinuity _continuity = new();

    public override LogFormat Format => LogFormat.TrailingStamp;

    /// <summary>
    /// Most lines are traffic with a stamp after it: then the log is this format's, whichever other fits its lines too (a
    /// raw capture's reading fits every line that starts as traffic); else it is none of its.
    /// </summary>
    public override double Score(IReadOnlyList<string> sample) =>
        sample.Count(line => Classify(line) == LineEvidence.Match) > Most * sample.Count ? 1 : 0;

    // Evidence is a line of traffic, unmarked (indented at most), before its stamp.
    protected override LineEvidence Classify(string line) =>
        TrailingStamp.Find(line) is { } found && LoggerLine.Find(line.AsSpan(0, found.DataEnd)) is { Marked: false } traffic && line.AsSpan(0, traffic.Start).IsWhiteSpace()
            ? LineEvidence.Match : LineEvidence.Neutral;

    protected override TimePrefix? ParseStamp(string line)
    {
        if (TrailingStamp.Find(line) is not { } found || !found.Agrees(_first ??= found) || found.Reading.On(_clock) is not { } time
            || !_continuity.Takes(found, time)) return null;
        _stamped = (line, found.DataEnd);
        return new TimePrefix(time, null, 0);
    }

    /// <summary>The text before the stamp, without the writer's indent, with CR LF; a line without a stamp whole.</summary>
    protected override byte[] Data(LogLine line, int dataStart)
    {
        var text = line.Text;
        if (!ReferenceEquals(text, _stamped.Line)) return WithCrLf(line, 0);
        var data = text.AsSpan(0, _stamped.DataEnd).TrimStart(" \t");
        return [.. line.Encode(data.ToString()), (byte)'\r', (byte)'\n'];
    }
}
