using Conformance.Protocol.Syntax;

namespace Conformance.Analyzer.Timeline;

/// <summary>How statistics group command lines, read by the protocol's command syntax.</summary>
internal static class CommandText
{
    /// <summary>The name with its form: <c>AT+MQTTPUB=</c>, <c>AT+MQTTSTAT?</c>, <c>AT</c>; a line that is no command as it is.</summary>
    public static string Key(string line) => CommandLine.Parse(line)?.Key ?? line.TrimEnd().ToUpperInvariant();

    /// <summary>The name as written after AT, as the tokenizer and the information parsers use it: <c>+MQTTSUB</c>.</summary>
    public static string Name(string line) => CommandLine.Parse(line)?.Name ?? "";
}
