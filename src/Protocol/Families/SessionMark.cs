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
        var colon = Pattern.IndexOf(':');
        var name = colon < 0 ? Pattern : Pattern[..colon];
        if (!line.StartsWith(name, StringComparison.Ordinal)) return false;
        if (line.Length > name.Length && line[name.Length] is not (':' or ' ' or ',')) return false;
        if (colon < 0) return true;
        if (line.Length == name.Length || line[name.Length] != ':') return false;
        var wanted = Pattern[(colon + 1)..].Split(',');
        var fields = line[(name.Length + 1)..].Split(',');
        if (fields.Length < wanted.Length) return false;
        for (var i = 0; i < wanted.Length; i++)
        {
            var want = wanted[i].Trim();
            if (want != "*" && want != fields[i].Trim()) return false;
        }
        return true;
    }
}
