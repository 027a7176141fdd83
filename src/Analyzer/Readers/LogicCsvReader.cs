using System.Globalization;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// A logic analyzer's export of its async serial decoder as CSV, one byte a row: Saleae Logic 2
/// (<c>name,type,start_time,duration,data</c>: <c>TX,data,0.100000000,8.68e-05,A</c>) and Logic 1
/// (<c>Time [s],Value,Parity Error,Framing Error</c>). A value is the character (<c>A</c>, <c>\r</c>, <c>' '</c>) or its
/// code (<c>0x41</c>). Each decoder (the host's line, the module's) is gathered into lines on its own; a line is stamped
/// when its last byte came, in seconds since the capture began, and gets its direction from its text.
/// </summary>
internal sealed class LogicCsvReader : LogReader
{
    public override LogFormat Format => LogFormat.LogicCsv;

    protected override bool IsOwn(string line) =>
        Header(line) is not null || (MayBeRow(line) && (Row(line, named: true) is not null || Row(line, named: false) is not null));

    // A row starts with its time in seconds (Logic 1) or has `data` in its second field (Logic 2): other lines are not split.
    private static bool MayBeRow(string line)
    {
        var comma = line.IndexOf(',');
        if (comma <= 0) return false;
        if (double.TryParse(line.AsSpan(0, comma), NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return true;
        var second = line.AsSpan(comma + 1);
        return second[..Math.Max(0, second.IndexOf(',') is var next and >= 0 ? next : second.Length)].Trim().Equals("data", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether the header names the decoder in a first column (Logic 2), or null for a line that is no header.</summary>
    private static bool? Header(string line) =>
        line.StartsWith("name,type,start_time", StringComparison.OrdinalIgnoreCase) ? true
        : line.StartsWith("Time [s],Value", StringComparison.OrdinalIgnoreCase) ? false : null;

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        var guess = new DirectionGuess();
        var channels = new Dictionary<string, (List<byte> Bytes, LogLine Start)>(StringComparer.Ordinal);
        var named = true;
        var last = 0.0;
        foreach (var line in lines)
        {
            var text = line.Text;
            if (Header(text) is { } header) { named = header; continue; }
            if (Row(text, named) is not var (channel, seconds, value)) continue;
            last = seconds;
            if (!channels.TryGetValue(channel, out var open) || open.Bytes.Count == 0) open = ([], line);   // only its number and file are read later
            open.Bytes.Add(value);
            channels[channel] = open;
            if (value != '\n') continue;
            foreach (var (direction, data) in guess.Lines([.. open.Bytes]))
                yield return Record(open.Start, null, direction, data, Millisecond(seconds));
            open.Bytes.Clear();
        }
        foreach (var (_, (bytes, start)) in channels.Where(c => c.Value.Bytes.Count > 0))
            foreach (var (direction, data) in guess.Lines([.. bytes]))
                yield return Record(start, null, direction, data, Millisecond(last));
    }

    // Times to the millisecond, as every other log gives them: latencies are counted in whole milliseconds.
    private static TimeSpan Millisecond(double seconds) => TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));

    /// <summary>A row: the decoder's name (Logic 2) or none, the time in seconds, the byte.</summary>
    private static (string Channel, double Seconds, byte Value)? Row(string line, bool named)
    {
        var fields = line.Split(',');
        if (named && (fields.Length < 5 || !fields[1].Trim().Equals("data", StringComparison.OrdinalIgnoreCase))) return null;
        if (!named && fields.Length < 2) return null;
        var (channel, time, value) = named ? (fields[0].Trim('"'), fields[2], string.Join(',', fields[4..])) : ("", fields[0], fields[1]);
        if (!double.TryParse(time, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)) return null;
        return Value(value.TrimEnd('\r', '\n').Trim('"')) is { } b ? (channel, seconds, b) : null;
    }

    // `A`, `' '`, `\r`, `0x41`, `0x0D`.
    private static byte? Value(string value)
    {
        if (value.Length > 2 && value[0] == '\'' && value[^1] == '\'') value = value[1..^1];
        if (value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && byte.TryParse(value.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)) return code;
        return value switch
        {
            "\\r" => (byte)'\r',
            "\\n" => (byte)'\n',
            "\\t" => (byte)'\t',
            "\\0" => 0,
            "\\\\" => (byte)'\\',
            _ when value.Length > 0 && value.Trim().Length == 0 => (byte)' ',
            _ when value.Length == 1 && value[0] < 0x80 => (byte)value[0],
            _ => null,
        };
    }
}
