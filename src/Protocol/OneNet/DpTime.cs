using System.Globalization;

namespace Conformance.Protocol.OneNet;

/// <summary>The two ways a <c>$dp</c> payload writes a time: JSON text, and 6 binary bytes after a type byte with the high bit.</summary>
internal static class DpTime
{
    public const string JsonFormat = "yyyy-MM-dd HH:mm:ss";
    public const int BinarySize = 6;

    public static bool TryParseJson(string text, out DateTime at) =>
        DateTime.TryParseExact(text, JsonFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out at);

    public static string FormatJson(DateTime at) => at.ToString(JsonFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads YY MM DD hh mm ss (UTC, year 2000 + YY); null when the bytes are not a date.</summary>
    public static DateTime? ReadBinary(ReadOnlySpan<byte> b)
    {
        try
        {
            return new DateTime(2000 + b[0], b[1], b[2], b[3], b[4], b[5], DateTimeKind.Utc);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    public static void WriteBinary(DateTime at, Span<byte> b)
    {
        b[0] = (byte)(at.Year - 2000);
        b[1] = (byte)at.Month;
        b[2] = (byte)at.Day;
        b[3] = (byte)at.Hour;
        b[4] = (byte)at.Minute;
        b[5] = (byte)at.Second;
    }

    /// <summary>Why <paramref name="at"/> cannot be written without loss, or null when it can.</summary>
    public static string? CheckWritable(DateTime at, bool binary)
    {
        if (at.Ticks % TimeSpan.TicksPerSecond != 0) return $"time {at:O} has a fraction of a second; $dp times have whole seconds";
        if (binary && at.Year is < 2000 or > 2255) return $"time {at:O} is outside 2000..2255, the years a 1-byte YY can hold";
        return null;
    }
}
