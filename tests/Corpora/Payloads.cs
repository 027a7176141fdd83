using System.Globalization;
using System.Text;

namespace Conformance.Corpora;

/// <summary>Messages of the kind OneNET devices exchange: JSON data points and short text.</summary>
internal static class Payloads
{
    // None starts with "at": a capture reader takes a line starting with AT for a command the host sent.
    private static readonly string[] Words =
        ["temp", "hum", "door", "open", "closed", "valve", "level", "ok", "alarm", "battery", "low", "signal", "fw", "update", "reboot", "22.5", "1013", "-87"];

    /// <summary>A type-1 style <c>{"datastreams":[...]}</c> with one to five points.</summary>
    public static string Json(Random random)
    {
        var points = random.Next(1, 6);
        var json = new StringBuilder("{\"datastreams\":[");
        for (var i = 0; i < points; i++)
        {
            if (i > 0) json.Append(',');
            json.Append(CultureInfo.InvariantCulture, $"{{\"id\":\"s{i}\",\"datapoints\":[{{\"value\":{random.Next(1000)}}}]}}");
        }
        return json.Append("]}").ToString();
    }

    /// <summary>Words separated by spaces and commas, and by CR LF when <paramref name="lineBreaks"/> (the inline form carries any bytes).</summary>
    public static string Text(Random random, int words, bool lineBreaks)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            // One draw per word picks the word and what precedes it: generation must stay fast at tens of MB.
            var draw = random.Next(Words.Length * 12);
            if (i > 0) text.Append((draw / Words.Length) switch { 0 when lineBreaks => "\r\n", < 3 => ", ", _ => " " });
            text.Append(Words[draw % Words.Length]);
        }
        return text.ToString();
    }

    public static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
