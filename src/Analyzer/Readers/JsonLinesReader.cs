using System.Text.Json;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// A structured logger's JSON lines (format <c>json-lines</c>), one object a line, as Node-RED, pino, structlog,
/// zap or a script's <c>json.dumps</c> write them: <c>{"ts":"2026-11-30T10:11:12.101Z","level":"debug","msg":"TX: AT+CSQ"}</c>,
/// <c>{"time":1764497472.1,"dir":"rx","data":"+CSQ: 20,99"}</c>; also such objects pasted as a JSON array (a <c>[</c>
/// line, a comma after each). The time, the direction and the message come from the fields named so
/// (<see cref="TimeFields"/>, <see cref="DirectionFields"/>, <see cref="MessageFields"/>) and are read as a logger's line
/// (<see cref="StructuredRow"/>); objects of the logger's own words are left out.
/// </summary>
internal sealed class JsonLinesReader : LogReader
{
    private static readonly string[] TimeFields = ["ts", "time", "timestamp", "@timestamp", "t", "date", "datetime", "asctime"];
    private static readonly string[] DirectionFields = ["dir", "direction"];
    private static readonly string[] MessageFields = ["msg", "message", "data", "line", "text", "payload", "@message"];

    public override LogFormat Format => LogFormat.JsonLines;

    public override bool EndsLines => true;

    protected override LineEvidence Classify(string line) =>
        Object(line) is not { } json ? LineEvidence.Neutral
        : Row(json) is { IsTraffic: true } ? LineEvidence.Match : LineEvidence.Neutral;

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines) =>
        StructuredRow.Read(lines, line => Object(line.Text) is { } json ? Row(json) : null);

    /// <summary>The line's object, without the comma and brackets of an array around it; null for a line that is none.</summary>
    private static JsonElement? Object(string line)
    {
        var text = line.AsSpan().Trim().TrimStart('[').TrimEnd(']').Trim().TrimEnd(',').TrimEnd();
        if (text.Length < 2 || text[0] != '{' || text[^1] != '}') return null;
        try
        {
            using var document = JsonDocument.Parse(text.ToString());
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static StructuredRow? Row(JsonElement json) =>
        Field(json, MessageFields) is { } message ? new StructuredRow(Field(json, TimeFields), Field(json, DirectionFields), message) : null;

    // The first of the names the object has (in any case), its value as text: a string's content, a number as written.
    private static string? Field(JsonElement json, string[] names)
    {
        foreach (var name in names)
            foreach (var property in json.EnumerateObject())
                if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                    return property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Number => property.Value.GetRawText(),
                        _ => null,
                    };
        return null;
    }
}
