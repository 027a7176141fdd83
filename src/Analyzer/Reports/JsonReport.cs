using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Reports;

/// <summary>Writes an <see cref="Analysis"/> as JSON: camelCase, enums as camelCase strings, unknown values as null (docs/analyzer-json.md).</summary>
public static class JsonReport
{
    /// <summary>The options the report is written with; read a report back with them too.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Topics and payloads carry non-ASCII text ($dp JSON); keep it readable rather than \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new WallClock() },
    };

    public static void Write(Analysis analysis, Stream output) => JsonSerializer.Serialize(output, analysis, Options);

    public static string Write(Analysis analysis) => JsonSerializer.Serialize(analysis, Options);
}
