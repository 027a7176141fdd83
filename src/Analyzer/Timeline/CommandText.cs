namespace Conformance.Analyzer.Timeline;

/// <summary>How statistics group command lines.</summary>
internal static class CommandText
{
    /// <summary>The name with its form: <c>AT+MQTTPUB=</c>, <c>AT+MQTTSTAT?</c>, <c>AT</c>.</summary>
    public static string Key(string line)
    {
        var end = line.IndexOfAny(['=', '?']);
        return (end < 0 ? line.TrimEnd() : line[..(end + 1)]).ToUpperInvariant();
    }

    /// <summary>The name as written after AT, as the tokenizer and the information parsers use it: <c>+MQTTSUB</c>.</summary>
    public static string Name(string line)
    {
        var end = line.IndexOfAny(['=', '?']);
        return line.Length <= 2 ? "" : (end < 0 ? line[2..] : line[2..end]).Trim().ToUpperInvariant();
    }
}
