using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conformance.Analyzer.Reports;

/// <summary>
/// A log's times as the reports write them: the wall-clock time the log wrote, without a zone (logs name none, and a
/// zone a stamp carries is read past), so no offset is made up: <c>2024-01-02T10:11:12.123</c>. A log that stamps
/// the time of day only counts its days from 2000-01-01, as in the fleet tables.
/// </summary>
public sealed class WallClock : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF";

    /// <summary>The time as written in every report.</summary>
    public static string Of(DateTimeOffset time) => time.DateTime.ToString(Format, CultureInfo.InvariantCulture);

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTime.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(Of(value));
}
