using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Reports;

/// <summary>
/// A log's times as the reports write them: the wall-clock time the log wrote, without a zone (most logs name none, and
/// a stamp that names one is shown as written; the zone only orders the times, <see cref="Readers.LogZone"/>), so no
/// offset is made up: <c>2024-01-02T10:11:12.123</c>. A log that stamps the
/// time of day only gets no invented date: <c>10:11:12.123</c>, and after it crossed midnight the days before it as a
/// duration writes them (<c>1.00:00:01.5</c>: the next day).
/// </summary>
public sealed class WallClock : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF";
    private const string TimeOfDay = "HH:mm:ss.FFFFFFF";

    /// <summary>The time as written in every report.</summary>
    public static string Of(DateTimeOffset time)
    {
        var at = time.DateTime;
        if (LogRecord.IsDated(at)) return at.ToString(Format, CultureInfo.InvariantCulture);
        var days = DateOnly.FromDateTime(at).DayNumber - LogClock.BaseDate.DayNumber;
        var timeOfDay = at.ToString(TimeOfDay, CultureInfo.InvariantCulture);
        return days == 0 ? timeOfDay : string.Create(CultureInfo.InvariantCulture, $"{days}.{timeOfDay}");
    }

    /// <summary>Reads a time as <see cref="Of"/> writes it.</summary>
    public static DateTimeOffset Parse(string text) =>
        text.Contains('T', StringComparison.Ordinal)
            ? DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            : new DateTimeOffset(LogClock.BaseDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + TimeSpan.Parse(text, CultureInfo.InvariantCulture);

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(Of(value));
}
