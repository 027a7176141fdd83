using System.Globalization;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// SSCOM in hex mode: <c>[22:00:41.748]收←◆41 54 0D 0A</c>. The hex gives the exact bytes, line ends
/// included; unstamped hex lines continue the last packet.
/// </summary>
internal sealed class SscomHexReader : LogReader
{
    public override LogFormat Format => LogFormat.SscomHex;

    protected override bool IsOwn(string line) =>
        SscomStamp.TryParse(line, out _, out _, out var dataStart) && IsHex(HexOf(line.AsSpan(dataStart)));

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        var clock = new LogClock();
        var direction = LogDirection.Unknown;
        DateTimeOffset? time = null;
        foreach (var line in lines)
        {
            var text = line.Text;
            var dataStart = 0;
            if (SscomStamp.TryParse(text, out var timeOfDay, out var next, out dataStart))
            {
                time = clock.At(timeOfDay);
                direction = next;
            }
            else if (SscomStamp.IsSentBox(text) || text.Trim().Length == 0)
            {
                continue;
            }
            var hex = HexOf(text.AsSpan(dataStart));
            if (IsHex(hex)) yield return Record(line, time, direction, Bytes(hex));
            else yield return Record(line, time, LogDirection.Unknown, line.BytesWithEnding());
        }
    }

    /// <summary>The hex of a line's data: SSCOM may end a sent packet with its box (<c>41 54 0D 0A □</c>) on the same line.</summary>
    public static ReadOnlySpan<char> HexOf(ReadOnlySpan<char> data)
    {
        data = data.Trim();
        return data.EndsWith(SscomStamp.SentBox) ? data[..^SscomStamp.SentBox.Length].TrimEnd() : data;
    }

    /// <summary>True for pairs of hex digits separated by spaces, at least one pair.</summary>
    public static bool IsHex(ReadOnlySpan<char> text)
    {
        var digits = 0;
        foreach (var c in text)
        {
            if (c == ' ') { if (digits % 2 != 0) return false; continue; }
            if (!char.IsAsciiHexDigit(c)) return false;
            digits++;
        }
        return digits > 0 && digits % 2 == 0;
    }

    /// <summary>The bytes of text that <see cref="IsHex"/> accepts.</summary>
    public static byte[] Bytes(ReadOnlySpan<char> hex)
    {
        var bytes = new List<byte>(hex.Length / 3 + 1);
        for (var i = 0; i < hex.Length; i++)
        {
            if (hex[i] == ' ') continue;
            bytes.Add(byte.Parse(hex.Slice(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            i++;
        }
        return [.. bytes];
    }
}
