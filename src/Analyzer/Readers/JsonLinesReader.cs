using System.Text.Json;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// A structured logger's JSON lines (format <c>json-lines</c>), one object a line, as Node-RED, pino, structlog,
/// zap or a script's <c>json.dumps</c> write them: <c>{"ts":"2026-11-30T10:11:12.101Z","level":"debug","msg":"TX: AT+CSQ"}</c>,
/// <c>{"time":1764497472.1,"dir":"rx","data":"+CSQ: 20,99"}</c>; also such objects pasted as a JSON array (a <c>[</c>
/// line, a comma after each). The time, the direction and the message come from the fields named so
/// (<see cref="RowFields"/>) and are read as a logger's line
/// (<see cref="StructuredRow"/>); objects of the logger's own words are left out.
/// </summary>
internal sealed class JsonLinesReader : LogReader
{
    public override LogFormat Format => LogFormat.JsonLines;

    public override bool EndsLines => true;

    protected override LineEvidence Classify(string line) =>
        Object(line) is not { } json ? LineEvidence.Neutral
        : Row(json) is { IsTraffic: true } ? LineEvidence.Match : LineEvidence.Neutral;

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines) =>
        StructuredRow.Read(lines, line => Object(line.Text) is { } json ? Row(json) : null);

    /// <summary>The line's object, without the comma and brackets of an array around it; null for a line that is none.</summary>
    internal static JsonElement? Object(string line)
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

    private static StructuredRow? Row(JsonElement json)
    {
        var properties = json.EnumerateObject().ToList();
        var names = properties.Select(property => RowFields.Normal(property.Name)).ToList();
        if (Field(RowFields.Data) is not { } message) return null;
        var time = RowFields.Find(names, RowFields.Time);
        var (notation, direction) = RowNotations.Of(Field(RowFields.Direction), Field(RowNotations.Names, RowFields.Find(names, RowFields.Direction)));
        var stamp = new RowTime(RowTime.UnitOf(time >= 0 ? properties[time].Name : null)).Stamp(Field(RowFields.Date, time), Field(RowFields.Time));
        var (text, unended, notHex) = RowFields.Traffic(properties[RowFields.Find(names, RowFields.Data)].Name, message, notation);
        return new StructuredRow(stamp, direction, text, unended, notHex);

        // The first of the names the object has (in any case), its value as text: a string's content, a number as written.
        string? Field(string[] wanted, int taken = -1) => RowFields.Find(names, wanted, taken) is var at and >= 0
            ? properties[at].Value.ValueKind switch
            {
                JsonValueKind.String => properties[at].Value.GetString(),
                JsonValueKind.Number => properties[at].Value.GetRawText(),
                _ => null,
            }
            : null;
    }
}
