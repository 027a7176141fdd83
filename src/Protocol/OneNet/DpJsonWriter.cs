using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Conformance.Protocol.OneNet;

/// <summary>Writes data points in the JSON forms of <c>$dp</c> types 1, 2 (the descriptor), 3 and 4.</summary>
internal static class DpJsonWriter
{
    // Non-ASCII text stays as UTF-8, as in the manual's example, instead of \uXXXX escapes.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <exception cref="ArgumentException">A point does not fit the form; names <paramref name="points"/> and the point.</exception>
    public static string Write(DpType type, IReadOnlyList<DataPoint> points) => Build(w =>
    {
        w.WriteStartObject();
        switch (type)
        {
            case DpType.Datastreams:
                w.WriteStartArray("datastreams");
                foreach (var stream in points.GroupBy(p => p.DatastreamId))
                {
                    w.WriteStartObject();
                    w.WriteString("id", stream.Key);
                    w.WriteStartArray("datapoints");
                    foreach (var point in stream)
                    {
                        w.WriteStartObject();
                        if (point.At is { } at) w.WriteString("at", Time(at, points, point));
                        w.WritePropertyName("value");
                        WriteValue(w, points, point);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                break;
            case DpType.SimpleJson:
                foreach (var point in points)
                {
                    if (point.At is not null) throw Invalid(points, point, "has a time, which type 3 cannot carry (use type 1 or 4)");
                    w.WritePropertyName(point.DatastreamId);
                    WriteValue(w, points, point);
                }
                break;
            case DpType.TimedJson:
                foreach (var stream in points.GroupBy(p => p.DatastreamId))
                {
                    w.WriteStartObject(stream.Key);
                    foreach (var point in stream)
                    {
                        var at = point.At ?? throw Invalid(points, point, "has no time, which type 4 requires");
                        w.WritePropertyName(Time(at, points, point));
                        WriteValue(w, points, point);
                    }
                    w.WriteEndObject();
                }
                break;
            default:
                throw new ArgumentException($"type {type} is not a JSON data-point type (1, 3 or 4)", nameof(type));
        }
        w.WriteEndObject();
    });

    /// <summary>The type 2 descriptor: <c>{"ds_id":..,"at":..,"desc":..}</c>.</summary>
    public static string WriteDescriptor(string datastreamId, DateTime? at, string description) => Build(w =>
    {
        w.WriteStartObject();
        w.WriteString("ds_id", datastreamId);
        if (at is { } time)
        {
            if (DpTime.CheckWritable(time, binary: false) is { } error) throw new ArgumentException(error, nameof(at));
            w.WriteString("at", DpTime.FormatJson(time));
        }
        w.WriteString("desc", description);
        w.WriteEndObject();
    });

    private static string Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options)) write(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteValue(Utf8JsonWriter w, IReadOnlyList<DataPoint> points, DataPoint point)
    {
        switch (point.Value)
        {
            case { Number: { } number } when double.IsFinite(number): w.WriteNumberValue(number); break;
            case { Number: { } number }: throw Invalid(points, point, $"has the value {number}, which JSON cannot write");
            case { Text: { } text }: w.WriteStringValue(text); break;
            default: throw Invalid(points, point, "has no value");
        }
    }

    private static string Time(DateTime at, IReadOnlyList<DataPoint> points, DataPoint point) =>
        DpTime.CheckWritable(at, binary: false) is { } error ? throw Invalid(points, point, error) : DpTime.FormatJson(at);

    private static ArgumentException Invalid(IReadOnlyList<DataPoint> points, DataPoint point, string rule)
    {
        var index = points.ToList().IndexOf(point);
        return new ArgumentException($"points[{index}] (\"{point.DatastreamId}\") {rule}", nameof(points));
    }
}
