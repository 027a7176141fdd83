using Conformance.Protocol.Responses;

namespace Conformance.Protocol.Families;

/// <summary>
/// A line of another family, or one of its commands accepted with <c>OK</c>, that moves the MQTT session:
/// <c>+QMTCONN: *,0,0</c> connects (<c>*</c> stands for any one field), <c>AT+MDISCONNECT</c> disconnects.
/// </summary>
/// <param name="Pattern">A module line (<c>+NAME: f0,f1,…</c> with <c>*</c> for any field, or a word: <c>CONNACK OK</c>), or <c>AT</c> and a command name.</param>
/// <param name="To">The state it moves the session to.</param>
public sealed record SessionMark(string Pattern, MqttState To)
{
    /// <summary>True when the mark is a command accepted with OK, not a module line.</summary>
    public bool IsCommand => Pattern.StartsWith("AT", StringComparison.Ordinal);

    /// <summary>True when the module line <paramref name="line"/> is this mark.</summary>
    public bool Marks(string line)
    {
        if (_fields is null) return line.StartsWith(Pattern, StringComparison.Ordinal)
            && (line.Length == Pattern.Length || line[Pattern.Length] is ':' or ' ' or ',');
        if (!LineFields.After(line, _name, out var fields)) return false;
        for (var i = 0; i < _fields.Length; i++)
        {
            if (!LineFields.At(fields, i, out var field) || (_fields[i] != "*" && !field.SequenceEqual(_fields[i]))) return false;
        }
        return true;
    }

    /// <summary>True when the mark is the command named <paramref name="commandLine"/>'s, accepted with OK.</summary>
    public bool MarksAccepted(string commandLine) => IsCommand && LineFields.IsCommand(commandLine, Pattern[2..]);

    // The pattern read once: a line's name and the fields it wants (null for a word such as CONNACK OK).
    private readonly string _name = Pattern.Contains(':') ? Pattern[..Pattern.IndexOf(':')] : Pattern;
    private readonly string[]? _fields = Pattern.Contains(':') ? [.. Pattern[(Pattern.IndexOf(':') + 1)..].Split(',').Select(f => f.Trim())] : null;
}
