using System.Text;

namespace Conformance.Analyzer.Readers;

/// <summary>Tera Term and minicom with timestamps: <c>[2024-01-02 10:11:12.123] +MQTTOPEN:OK</c>.</summary>
/// <remarks>The stamp is read from the line's bytes, so a long log costs no string per line.</remarks>
internal sealed class TimestampedReader : StampedTextReader
{
    public override LogFormat Format => LogFormat.Timestamped;

    protected override bool ReadsBytes => true;

    /// <summary><c>[yyyy-MM-dd HH:mm:ss(.fffffff)]</c> and one optional space.</summary>
    protected override TimePrefix? ParseStamp(ReadOnlySpan<byte> line)
    {
        if (line.Length < 21 || line[0] != '[') return null;
        var length = LogClock.ReadDateTime(line[1..], out var time);
        if (length == 0 || 1 + length >= line.Length || line[1 + length] != ']') return null;
        var dataStart = 2 + length;
        if (dataStart < line.Length && line[dataStart] == ' ') dataStart++;
        return new TimePrefix(time, null, dataStart);
    }

    /// <summary>The stamp is ASCII, so its characters are its bytes: the text is read through the byte parser.</summary>
    protected override TimePrefix? ParseStamp(string line)
    {
        Span<byte> head = stackalloc byte[40];
        var length = Math.Min(line.Length, head.Length);
        for (var i = 0; i < length; i++) head[i] = line[i] < 0x80 ? (byte)line[i] : (byte)0xFF;
        return ParseStamp(head[..length]);
    }
}
