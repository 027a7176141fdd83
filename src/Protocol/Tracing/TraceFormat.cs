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
    public static TraceRecord? Parse(string line) =>
        TryParse(line, out var record, out var error) ? record : throw new FormatException(error);

    /// <summary>
    /// Parses like <see cref="Parse"/>, but says what is wrong in <paramref name="error"/> instead of throwing:
    /// format detection tries every line of a log that may be in another format.
    /// </summary>
    /// <param name="line">One line of a trace.</param>
    /// <param name="record">The record; null for header, comment and blank lines.</param>
    /// <param name="error">For a malformed line, what is wrong and at which column.</param>
    public static bool TryParse(string line, out TraceRecord? record, out string? error)
    {
        (record, error) = (null, null);
        if (line.Length == 0 || line[0] == '#') return true;
        var space = line.IndexOf(' ');
        if (space < 0) return Fail("expected '<time> <direction> <data>', found no space (column 1)", out error);
        if (!DateTimeOffset.TryParseExact(line.AsSpan(0, space), TimeFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            return Fail($"bad timestamp '{line[..space]}' (column 1): expected {TimeFormat}", out error);
        if (space + 2 > line.Length || (space + 2 < line.Length && line[space + 2] != ' '))
            return Fail($"expected a direction '>', '<' or '*' and a space at column {space + 2}", out error);
        TraceDirection direction;
        switch (line[space + 1])
        {
            case '>': direction = TraceDirection.ToModule; break;
            case '<': direction = TraceDirection.FromModule; break;
            case '*': direction = TraceDirection.Event; break;
            case var other: return Fail($"unknown direction '{other}' at column {space + 2}: expected '>', '<' or '*'", out error);
        }
        var data = space + 3 <= line.Length ? line[(space + 3)..] : "";
        try
        {
            record = new TraceRecord(time, direction, TraceEscaping.Unescape(data));
            return true;
        }
        catch (FormatException e)
        {
            return Fail($"{e.Message} (data starts at column {space + 4})", out error);
        }
    }

    private static bool Fail(string message, out string? error)
    {
        error = message;
        return false;
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
