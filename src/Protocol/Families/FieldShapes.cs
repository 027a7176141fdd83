using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Families;

/// <summary>The field shapes that tell one command set's use of a shared name from another's.</summary>
internal static class FieldShapes
{
    // The configuration keywords of the OneMO set: AT+MQTTCFG="keepalive",0,120.
    private static readonly HashSet<string> OneMoKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "version", "cid", "ssl", "keepalive", "clean", "retrans", "willoption", "willpayload", "pingreq", "pingresp",
        "encoding", "cached", "reconn", "query",
    };

    /// <summary>
    /// A bare link id, then a quoted topic or host: <c>AT+MQTTSUB=0,"topic",1</c>. The M5310-A form starts with the
    /// topic and never quotes the number after it (<c>AT+MQTTSUB="topic",1</c>, <c>AT+MQTTSUB=0,1</c> for topic 0).
    /// </summary>
    public static bool LinkIdFirst(CommandLine command) => StartsWithDigit(command) && LinkIdFirst(Fields(command));

    /// <summary>ESP-AT's publish: <c>AT+MQTTPUB=0,"topic","data",1,0</c>, the data quoted third.</summary>
    public static bool QuotedDataThird(CommandLine command) =>
        StartsWithDigit(command) && Fields(command) is { Count: >= 3 } fields && LinkIdFirst(fields) && fields[2].IsQuoted;

    /// <summary>OneMO's publish: <c>AT+MQTTPUB=0,"topic",0,0,0,8,"unlocked"</c>, a bare qos third.</summary>
    public static bool QosThird(CommandLine command) =>
        StartsWithDigit(command) && Fields(command) is { Count: >= 3 } fields && LinkIdFirst(fields) && !fields[2].IsQuoted;

    /// <summary>ESP-AT's connect: <c>AT+MQTTCONN=0,"host",1883,1</c> (reconnect last), or its read form.</summary>
    public static bool HostPortReconnect(CommandLine command) =>
        command.Form == CommandForm.Read || (Fields(command) is { Count: 4 } fields && LinkIdFirst(fields));

    /// <summary>OneMO's connect: <c>AT+MQTTCONN=0,"host",1883,"client","user","pass"</c>, or without the credentials.</summary>
    public static bool HostPortClient(CommandLine command) =>
        Fields(command) is { Count: 3 or >= 5 } fields && LinkIdFirst(fields);

    /// <summary>OneMO's configuration: a quoted keyword, then the link id (<c>AT+MQTTCFG="keepalive",0,120</c>).</summary>
    public static bool KeywordFirst(CommandLine command) =>
        Fields(command) is { Count: > 0 and < 7 } fields && fields[0].IsQuoted && OneMoKeywords.Contains(fields[0].Value);

    /// <summary>A set form where the M5310-A has an action only: <c>AT+MQTTDISC=0</c>.</summary>
    public static bool SetForm(CommandLine command) => command.Form == CommandForm.Set;

    // The M5310-A's own lines mostly start with a quoted topic: turned away before any split.
    private static bool StartsWithDigit(CommandLine command) => command.Text.AsSpan(command.ArgumentsStart) is [>= '0' and <= '9', ..];

    private static List<AtField> Fields(CommandLine command) => command.Split(8, out _, out _);

    private static bool LinkIdFirst(List<AtField> fields) =>
        fields.Count >= 2 && !fields[0].IsQuoted && fields[0].Value.Length > 0 && fields[0].Value.All(char.IsAsciiDigit)
        && fields[1].IsQuoted;
}
