using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Families;

/// <summary>
/// Another vendor's MQTT AT command set, recognised by name so its lines are not read as broken M5310-A ones.
/// A name ending in <c>*</c> stands for every name that starts with it (<c>+QMT*</c>).
/// </summary>
/// <param name="Name">How reports name the family: <c>ESP-AT</c>, <c>Air780</c>, <c>Quectel</c>, <c>SIMCom</c>.</param>
/// <param name="Commands">Command names only this family uses.</param>
/// <param name="Lines">Starts of the module lines (URCs, answers) only this family sends.</param>
/// <param name="SharedCommands">Names the M5310-A set uses too; the family claims them only in its own field shape.</param>
public sealed record ModuleFamily(string Name, string[] Commands, string[] Lines, string[]? SharedCommands = null)
{
    /// <summary>True when <paramref name="command"/> belongs to this family.</summary>
    public bool Owns(CommandLine command) =>
        Matches(Commands, command.Name) || (SharedCommands is { } shared && Matches(shared, command.Name) && StartsWithLinkId(command));

    /// <summary>True when the module line <paramref name="line"/> belongs to this family.</summary>
    public bool Sends(string line)
    {
        foreach (var start in Lines)
        {
            if (start.EndsWith('*') ? line.StartsWith(start[..^1], StringComparison.Ordinal) : IsNamed(line, start)) return true;
        }
        return false;
    }

    private static bool Matches(string[] names, string name)
    {
        foreach (var known in names)
        {
            if (known.EndsWith('*') ? name.StartsWith(known[..^1], StringComparison.Ordinal) : name == known) return true;
        }
        return false;
    }

    // A line named exactly so: `SUBACK`, `+MSUB: …`, not `SUBACKED`.
    private static bool IsNamed(string line, string name) =>
        line.StartsWith(name, StringComparison.Ordinal) && (line.Length == name.Length || line[name.Length] is ':' or ' ' or ',');

    /// <summary>
    /// ESP-AT puts a bare link id before a quoted topic (<c>AT+MQTTSUB=0,"topic",1</c>); the M5310-A form starts with
    /// the topic and never quotes the number after it (<c>AT+MQTTSUB="topic",1</c>, <c>AT+MQTTSUB=0,1</c> for topic 0).
    /// </summary>
    private static bool StartsWithLinkId(CommandLine command)
    {
        var fields = command.Split(3, out _, out _);
        return fields.Count >= 2 && !fields[0].IsQuoted && fields[0].Value.Length > 0 && fields[0].Value.All(char.IsAsciiDigit)
            && fields[1].IsQuoted;
    }
}
