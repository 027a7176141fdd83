using System.Globalization;

namespace Conformance.Protocol.Tracing;

/// <summary>
/// The text form of trace records and the header, as documented in <c>docs/trace-format.md</c>:
/// <c>2026-11-25T22:40:41.125Z &gt; AT+MQTTSTAT?\r\n</c>.
/// </summary>
public static class TraceFormat
{
    /// <summary>First line of every trace; the version changes when the format does.</summary>
    public const string Magic = "# conformance-trace 1";

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string FormatHeader(string key, string value) => $"# {key}: {value}";

    public static string Format(TraceRecord record)
    {
        var time = record.Time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);
        var data = TraceEscaping.Escape(record.Data);
        return $"{time} {Arrow(record.Direction)} {data}";
    }

    /// <summary>
    /// Parses one record line. Header and comment lines (starting with <c>#</c>) and blank lines give
    /// null. A malformed line throws a <see cref="FormatException"/> whose message names the column.
    /// </summary>
    public static TraceRecord? Parse(string line)
    {
        if (line.Length == 0 || line[0] == '#') return null;
        var space = line.IndexOf(' ');
        if (space < 0) throw new FormatException("expected '<time> <direction> <data>', found no space (column 1)");
        if (!DateTimeOffset.TryParseExact(line.AsSpan(0, space), TimeFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            throw new FormatException($"bad timestamp '{line[..space]}' (column 1): expected {TimeFormat}");
        if (space + 2 > line.Length || (space + 2 < line.Length && line[space + 2] != ' '))
            throw new FormatException($"expected a direction '>', '<' or '*' and a space at column {space + 2}");
        var direction = line[space + 1] switch
        {
            '>' => TraceDirection.ToModule,
            '<' => TraceDirection.FromModule,
            '*' => TraceDirection.Event,
            var other => throw new FormatException($"unknown direction '{other}' at column {space + 2}: expected '>', '<' or '*'"),
        };
        var data = space + 3 <= line.Length ? line[(space + 3)..] : "";
        try
        {
            return new TraceRecord(time, direction, TraceEscaping.Unescape(data));
        }
        catch (FormatException e)
        {
            throw new FormatException($"{e.Message} (data starts at column {space + 4})", e);
        }
    }

    /// <summary>Reads a header line <c># key: value</c>; false for other lines.</summary>
    public static bool TryParseHeader(string line, out string key, out string value)
    {
        key = value = "";
        if (!line.StartsWith("# ", StringComparison.Ordinal)) return false;
        var colon = line.IndexOf(": ", 2, StringComparison.Ordinal);
        if (colon < 0) return false;
        key = line[2..colon];
        value = line[(colon + 2)..];
        return true;
    }

    private static char Arrow(TraceDirection direction) => direction switch
    {
        TraceDirection.ToModule => '>',
        TraceDirection.FromModule => '<',
        _ => '*',
    };
}
