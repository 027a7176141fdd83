using System.Text.Json;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.OneNet;

/// <summary>
/// Reads the JSON forms of <c>$dp</c> types 1, 2 (the descriptor), 3 and 4 into data points, with payload offsets in
/// every error. Walks tokens rather than building a document so that a misplaced value can be pointed at.
/// </summary>
internal static class DpJsonReader
{
    private sealed class ShapeException(string message, long offset) : Exception(message)
    {
        public long Offset { get; } = offset;
    }

    /// <param name="type">Which form to expect; for <see cref="DpType.Binary"/> the one point has no value yet.</param>
    /// <param name="json">The JSON bytes, already known to be valid UTF-8.</param>
    /// <param name="offset">Where the JSON starts in the payload.</param>
    public static ParseResult<List<DataPoint>> Read(DpType type, ReadOnlySpan<byte> json, int offset)
    {
        var points = new List<DataPoint>();
        var r = new Utf8JsonReader(json);
        try
        {
            Next(ref r);
            switch (type)
            {
                case DpType.Datastreams: ReadDatastreams(ref r, points, offset); break;
                case DpType.Binary: points.Add(ReadDescriptor(ref r, offset)); break;
                case DpType.SimpleJson: ReadSimple(ref r, points, offset); break;
                default: ReadTimed(ref r, points, offset); break;
            }
            r.Read(); // the reader rejects anything but whitespace after the value
            return ParseResult<List<DataPoint>>.Ok(points);
        }
        catch (ShapeException e)
        {
            return ParseResult<List<DataPoint>>.Fail(e.Message, (int)e.Offset);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber ?? 0;
            var column = e.BytePositionInLine ?? 0;
            var at = offset + LineStart(json, line) + column;
            var reason = e.Message.Split(" LineNumber:")[0];
            return ParseResult<List<DataPoint>>.Fail(
                $"invalid JSON at offset {at} (JSON reader line {line}, byte {column}): {reason}", (int)at);
        }
    }

    // {"temperature":22.5,"humidity":40}
    private static void ReadSimple(ref Utf8JsonReader r, List<DataPoint> points, int offset)
    {
        Expect(ref r, JsonTokenType.StartObject, "an object of datastream values", offset);
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            var id = r.GetString()!;
            Next(ref r);
            points.Add(new DataPoint(id, null, ReadValue(ref r)));
        }
    }

    // {"temperature":{"2015-03-22 22:31:12":22.5}}
    private static void ReadTimed(ref Utf8JsonReader r, List<DataPoint> points, int offset)
    {
        Expect(ref r, JsonTokenType.StartObject, "an object of datastreams", offset);
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            var id = r.GetString()!;
            Next(ref r);
            Expect(ref r, JsonTokenType.StartObject, $"an object of times and values for \"{id}\"", offset);
            while (Next(ref r) == JsonTokenType.PropertyName)
            {
                var at = ParseTime(r.GetString()!, offset + r.TokenStartIndex);
                Next(ref r);
                points.Add(new DataPoint(id, at, ReadValue(ref r)));
            }
        }
    }

    // {"datastreams":[{"id":"temp","datapoints":[{"at":"2018-09-06 10:00:00","value":22.5}]}]}
    private static void ReadDatastreams(ref Utf8JsonReader r, List<DataPoint> points, int offset)
    {
        Expect(ref r, JsonTokenType.StartObject, "an object with a \"datastreams\" array", offset);
        var found = false;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (!r.ValueTextEquals("datastreams"))
            {
                r.Skip();
                continue;
            }
            Next(ref r);
            Expect(ref r, JsonTokenType.StartArray, "the \"datastreams\" array", offset);
            found = true;
            while (Next(ref r) != JsonTokenType.EndArray) ReadDatastream(ref r, points, offset);
        }
        if (!found) throw new ShapeException($"no \"datastreams\" array in the JSON at offset {offset}", offset);
    }

    private static void ReadDatastream(ref Utf8JsonReader r, List<DataPoint> points, int offset)
    {
        Expect(ref r, JsonTokenType.StartObject, "a datastream object", offset);
        var start = offset + r.TokenStartIndex;
        string? id = null;
        List<(DateTime? At, DataValue Value)>? values = null;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("id")) id = ReadString(ref r, "id", offset);
            else if (r.ValueTextEquals("datapoints"))
            {
                Next(ref r);
                Expect(ref r, JsonTokenType.StartArray, "the \"datapoints\" array", offset);
                values = [];
                while (Next(ref r) != JsonTokenType.EndArray) values.Add(ReadDatapoint(ref r, offset));
            }
            else r.Skip();
        }
        if (id is null) throw new ShapeException($"the datastream at offset {start} has no \"id\"", start);
        if (values is null) throw new ShapeException($"the datastream \"{id}\" at offset {start} has no \"datapoints\" array", start);
        points.AddRange(values.Select(v => new DataPoint(id, v.At, v.Value)));
    }

    private static (DateTime?, DataValue) ReadDatapoint(ref Utf8JsonReader r, int offset)
    {
        Expect(ref r, JsonTokenType.StartObject, "a datapoint object", offset);
        var start = offset + r.TokenStartIndex;
        DateTime? at = null;
        DataValue? value = null;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("at")) at = ReadTime(ref r, offset);
            else if (r.ValueTextEquals("value"))
            {
                Next(ref r);
                value = ReadValue(ref r);
            }
            else r.Skip();
        }
        return value is { } v ? (at, v) : throw new ShapeException($"the datapoint at offset {start} has no \"value\"", start);
    }

    // {"ds_id":"pic","at":"2018-09-06 10:00:00","desc":""}
    private static DataPoint ReadDescriptor(ref Utf8JsonReader r, int offset)
    {
        Expect(ref r, JsonTokenType.StartObject, "an object describing the binary data", offset);
        string? id = null;
        DateTime? at = null;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("ds_id")) id = ReadString(ref r, "ds_id", offset);
            else if (r.ValueTextEquals("at")) at = ReadTime(ref r, offset);
            else r.Skip();
        }
        return id is null
            ? throw new ShapeException($"no \"ds_id\" in the JSON at offset {offset}", offset)
            : new DataPoint(id, at, default);
    }

    private static DataValue ReadValue(ref Utf8JsonReader r)
    {
        var element = JsonElement.ParseValue(ref r);
        return element.ValueKind switch
        {
            JsonValueKind.Number when element.TryGetDouble(out var number) => DataValue.Of(number),
            JsonValueKind.String => DataValue.Of(element.GetString()!),
            _ => new DataValue(null, element.GetRawText()),
        };
    }

    /// <summary>The string value of the property the reader is on.</summary>
    private static string ReadString(ref Utf8JsonReader r, string name, int offset)
    {
        Next(ref r);
        Expect(ref r, JsonTokenType.String, $"a string \"{name}\"", offset);
        return r.GetString()!;
    }

    /// <summary>The time value of the <c>at</c> property the reader is on.</summary>
    private static DateTime ReadTime(ref Utf8JsonReader r, int offset)
    {
        var text = ReadString(ref r, "at", offset);
        return ParseTime(text, offset + r.TokenStartIndex);
    }

    private static DateTime ParseTime(string text, long at) =>
        DpTime.TryParseJson(text, out var time)
            ? time
            : throw new ShapeException($"time \"{text}\" at offset {at} is not {DpTime.JsonFormat}", at);

    private static JsonTokenType Next(ref Utf8JsonReader r)
    {
        r.Read();
        return r.TokenType;
    }

    private static void Expect(ref Utf8JsonReader r, JsonTokenType expected, string what, int offset)
    {
        if (r.TokenType == expected) return;
        var at = offset + r.TokenStartIndex;
        throw new ShapeException($"expected {what} at offset {at}, found {Describe(r.TokenType)}", at);
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static long LineStart(ReadOnlySpan<byte> json, long line)
    {
        var start = 0;
        for (var i = 0; i < line; i++)
        {
            var next = json[start..].IndexOf((byte)'\n');
            if (next < 0) break;
            start += next + 1;
        }
        return start;
    }
}
