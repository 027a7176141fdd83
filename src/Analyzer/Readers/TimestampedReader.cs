using System.Text;
using Conformance.Protocol.Tracing;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// Tera Term and minicom with timestamps: <c>[2024-01-02 10:11:12.123] +MQTTOPEN:OK</c>; also a stamp without brackets
/// as scripts and loggers write it (<c>2024-01-02 10:11:12,123 OK</c>, <c>2024-01-02T10:11:12.123Z OK</c>), with what a
/// logger writes before the message read past (<see cref="LoggerPrefix"/>: <c>2024-01-02 10:11:12,123 - modem - DEBUG - AT</c>).
/// </summary>
/// <remarks>The stamp is read from the line's bytes, so a long log costs no string per line.</remarks>
internal sealed class TimestampedReader : StampedTextReader
{
    public override LogFormat Format => LogFormat.Timestamped;

    protected override bool ReadsBytes => true;

    // The minute of the last stamp: most stamps share it, and are read from their seconds on.
    private LogClock.LastMinute _lastMinute;

    // The zones the stamps name (`2024-01-02T10:11:12.123+08:00`), so that a clock switched to another zone does not go back.
    private LogZone _zones;

    // The project's own trace also starts its lines with a bare stamp, and a transcript may stamp its marked lines
    // (`2024/01/02 10:11:12 >> AT`), and so do logcat with the year and a journal (`2026-11-30T08:00:00.123456+0800 gw modem[311]: AT`):
    // such lines are theirs, not this format's.
    protected override LineEvidence Classify(string line) =>
        TraceFormat.TryParse(line, out var record, out _) && record is not null || TranscriptTag.Parse(line) is not null || LogcatReader.Marks(line) || JournalReader.Marks(line)
            ? LineEvidence.Foreign : base.Classify(line);

    /// <summary><c>[yyyy-MM-dd HH:mm:ss(.fffffff)]</c> and one optional space or tab, or the stamp bare and a space or tab (a colon before it too).</summary>
    protected override bool ReadStamp(ReadOnlySpan<byte> line, ref TimePrefix stamp)
    {
        if (line.Length < 19) return false;
        if (line[0] != '[')
        {
            // Bare, the stamp must end at a space: `2024-01-02 10:11:12` alone starts no line of traffic. A colon may
            // stand before the space, as a logger's `%s: %s` writes it (`2024-01-02 10:11:12: AT+CSQ`).
            var bare = LogClock.ReadDateTime(line, ref _lastMinute, out var at, out var real, out var zone);
            if (bare == 0 || bare >= line.Length) return false;
            if (line[bare] == ':' && bare + 1 < line.Length) bare++;
            if (line[bare] is not ((byte)' ' or (byte)'\t')) return false;
            stamp = new TimePrefix(real ? _zones.Of(at, zone) : null, null, bare + 1 + LoggerPrefix.Length(line[(bare + 1)..]), NotATime: !real);
            return true;
        }
        // `[2024-01-02T10:11:12.123]` is tio's.
        var length = LogClock.ReadDateTime(line[1..], ref _lastMinute, out var time, out var isTime, out var written);
        if (length == 0 || line[11] == 'T' || 1 + length >= line.Length || line[1 + length] != ']') return false;
        var dataStart = 2 + length;
        if (dataStart < line.Length && line[dataStart] is (byte)' ' or (byte)'\t') dataStart++;
        dataStart += LoggerPrefix.Length(line[dataStart..]);
        stamp = new TimePrefix(isTime ? _zones.Of(time, written) : null, null, dataStart, NotATime: !isTime);
        return true;
    }

    /// <summary>The stamp is ASCII, so its characters are its bytes: the text is read through the byte parser.</summary>
    protected override TimePrefix? ParseStamp(string line)
    {
        // Room for the stamp and a logger's prefix after it (`- modem - DEBUG - `).
        Span<byte> head = stackalloc byte[96];
        var length = Math.Min(line.Length, head.Length);
        for (var i = 0; i < length; i++) head[i] = line[i] < 0x80 ? (byte)line[i] : (byte)0xFF;
        TimePrefix stamp = default;
        return ReadStamp(head[..length], ref stamp) ? stamp : null;
    }
}
