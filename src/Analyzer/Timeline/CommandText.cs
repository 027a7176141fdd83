using Conformance.Protocol.Syntax;

namespace Conformance.Analyzer.Timeline;

/// <summary>How statistics group command lines, read by the protocol's command syntax.</summary>
internal static class CommandText
{
    /// <summary>The name with its form: <c>AT+MQTTPUB=</c>, <c>AT+MQTTSTAT?</c>, <c>AT</c>; a line that is no command as it is.</summary>
    public static string Key(string line) => CommandLine.Parse(line)?.Key ?? line.TrimEnd().ToUpperInvariant();
}

/// <summary>
/// The <see cref="CommandText.Key"/> of each command line, read once per name and form: a set, read or test command's
/// key is its name and form alone (<c>AT+MQTTPUB=</c>), however its arguments vary from line to line.
/// </summary>
internal sealed class CommandKeys
{
    private const int Capacity = 256;

    private readonly Dictionary<string, string> _byHead = new(StringComparer.Ordinal);
    private readonly LineReadings<string> _others = new(CommandText.Key);

    /// <summary>The key of <paramref name="line"/>.</summary>
    public string Of(string line)
    {
        if (!CommandLine.TryReadName(line, out _, out var form, out var argumentsStart) || form == CommandForm.Exec) return _others.Of(line);
        var heads = _byHead.GetAlternateLookup<ReadOnlySpan<char>>();
        var head = line.AsSpan(0, argumentsStart);
        if (heads.TryGetValue(head, out var key)) return key;
        key = CommandText.Key(line);
        if (_byHead.Count < Capacity) heads[head] = key;
        return key;
    }
}
