using Conformance.Protocol.Responses;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Families;

/// <summary>
/// The other vendors' MQTT command sets found in customer logs (docs/dialects.md). Names only: their commands
/// are paired and timed like any command, never checked against the M5310-A manual.
/// </summary>
public static class ModuleFamilies
{
    /// <summary>Espressif ESP-AT (ESP8266, ESP32) and its clones (BK7238, W800).</summary>
    public static readonly ModuleFamily EspAt = new("ESP-AT",
        ["+MQTTUSERCFG", "+MQTTLONGCLIENTID", "+MQTTLONGUSERNAME", "+MQTTLONGPASSWORD", "+MQTTCONNCFG", "+MQTTALPN",
         "+MQTTSNI", "+MQTTPUBRAW", "+MQTTCLEAN"],
        ["+MQTTCONNECTED", "+MQTTDISCONNECTED", "+MQTTSUBRECV", "+MQTTCONN", "+MQTTUSERCFG", "+MQTTPUB:OK", "+MQTTPUB:FAIL"],
        [
            new("+MQTTCONN", FieldShapes.HostPortReconnect), new("+MQTTSUB", FieldShapes.LinkIdFirst),
            new("+MQTTUNSUB", FieldShapes.LinkIdFirst), new("+MQTTPUB", FieldShapes.QuotedDataThird),
        ],
        Outcomes(("+MQTTCONN", "+MQTTCONNECTED"), ("+MQTTPUBRAW", "+MQTTPUB")),
        [
            // "When the MQTT connection ends, it will prompt +MQTTDISCONNECTED:<LinkID>"; after AT+MQTTCLEAN the host ended it.
            ResultField.Whole("+MQTTDISCONNECTED", FamilyFailure.Lost, "the MQTT connection ended", askedBy: "+MQTTCLEAN"),
            // AT+MQTTPUBRAW's outcome: +MQTTPUB:OK or +MQTTPUB:FAIL
            new("+MQTTPUB", 0, FamilyFailure.Command, ["OK"], Meanings(("FAIL", "the message could not be published"))),
        ],
        new ErrorLine(EspAtErrors.Prefix, EspAtErrors.Describe),
        Session: [new("+MQTTCONNECTED", MqttState.Connected), new("+MQTTDISCONNECTED", MqttState.Disconnected)]);

    /// <summary>China Mobile OneMO's later set (ML307, ML305, ML302A, MN316): a link id first, URCs as <c>+MQTTURC: "…"</c>.</summary>
    public static readonly ModuleFamily OneMo = new("OneMO",
        ["+MQTTREAD", "+MQTTSTATE"],
        ["+MQTTURC", "+MQTTSTATE", "+MQTTREAD"],
        [
            new("+MQTTCFG", FieldShapes.KeywordFirst), new("+MQTTCONN", FieldShapes.HostPortClient),
            new("+MQTTSUB", FieldShapes.LinkIdFirst), new("+MQTTUNSUB", FieldShapes.LinkIdFirst),
            new("+MQTTPUB", FieldShapes.QosThird), new("+MQTTDISC", FieldShapes.SetForm),
        ],
        // One name carries every report; the first field tells them apart. AT+MQTTSUB is written as ESP-AT writes it, so it goes to ESP-AT.
        Outcomes: Outcomes(("+MQTTCONN", "+MQTTURC: \"conn\""), ("+MQTTDISC", "+MQTTURC: \"conn\"")),
        Session: [new("+MQTTURC: \"conn\",*,0", MqttState.Connected), new("+MQTTURC: \"conn\",*,2", MqttState.Disconnected)],
        Results:
        [
            // +MQTTURC: "conn",<connect_id>,<state>: 0 connected, 1 reconnecting, 2 the host disconnected; 3 refused; the rest a loss
            new("+MQTTURC", 2, FamilyFailure.Open, ["0", "1", "2", "4", "5", "6", "255"],
                Meanings(("3", "the server refused the connection: protocol version, client id, user name or password")), Tag: "\"conn\""),
            new("+MQTTURC", 2, FamilyFailure.Lost, ["0", "1", "2", "3"], Meanings(("4", "the server closed the connection"),
                ("5", "PINGREQ timed out"), ("6", "the network failed"), ("255", "unknown error")), Tag: "\"conn\""),
        ]);

    /// <summary>AirM2M Air780 / Air724 (Luat) AT firmware.</summary>
    public static readonly ModuleFamily Air780 = new("Air780",
        ["+MCONFIG", "+MIPSTART", "+MCONNECT", "+MSUB", "+MUNSUB", "+MPUB", "+MPUBEX", "+MDISCONNECT", "+MIPCLOSE",
         "+MQTTSTATU", "+MQTTMSGGET", "+MQTTMSGSET", "+SSLMIPSTART"],
        // Not `CONNECT OK`: SIM800 and others answer a TCP open with it too.
        ["CONNACK OK", "SUBACK", "UNSUBACK", "PUBACK", "+MSUB", "+MQTTSTATU", "ALREADY CONNECT"],
        Outcomes: Outcomes(("+MIPSTART", "CONNECT OK"), ("+MCONNECT", "CONNACK OK"), ("+MSUB", "SUBACK"), ("+MUNSUB", "UNSUBACK"), ("+MPUB", "PUBACK")),
        // AT+MPUB=<topic>,<qos>,<retain>,<message>
        QosFields: new Dictionary<string, int>(StringComparer.Ordinal) { ["+MPUB"] = 1 },
        Session: [new("CONNACK OK", MqttState.Connected), new("AT+MDISCONNECT", MqttState.Disconnected), new("AT+MIPCLOSE", MqttState.Disconnected)]);

    /// <summary>Quectel (BC20, BC26, BC28, EC2x, EG9x, BG96): the <c>AT+QMT…</c> set; results as its MQTT application note gives them.</summary>
    public static readonly ModuleFamily Quectel = new("Quectel", ["+QMT*"], ["+QMT*"],
        Session: [new("+QMTCONN: *,0,0", MqttState.Connected), new("+QMTDISC: *,0", MqttState.Disconnected), new("+QMTCLOSE: *,0", MqttState.Disconnected)],
        Outcomes: Outcomes(
        ("+QMTOPEN", "+QMTOPEN"), ("+QMTCLOSE", "+QMTCLOSE"), ("+QMTCONN", "+QMTCONN"), ("+QMTDISC", "+QMTDISC"),
        ("+QMTSUB", "+QMTSUB"), ("+QMTUNS", "+QMTUNS"), ("+QMTPUB", "+QMTPUB"), ("+QMTPUBEX", "+QMTPUBEX")),
        Results:
        [
            // +QMTOPEN: <client_idx>,<result>
            new("+QMTOPEN", 1, FamilyFailure.Open, ["0"], Meanings(("-1", "failed to open the network"), ("1", "wrong parameter"),
                ("2", "MQTT identifier occupied"), ("3", "failed to activate PDP"), ("4", "failed to parse the domain name"), ("5", "network connection error"))),
            // +QMTCONN: <client_idx>,<result>[,<ret_code>]; result 1 is a retransmission, not yet a failure
            new("+QMTCONN", 1, FamilyFailure.Open, ["0", "1"], Meanings(("2", "failed to send the CONNECT packet"))),
            new("+QMTCONN", 2, FamilyFailure.Open, ["0"], ConnackRefusals),
            // +QMTSUB: <client_idx>,<msgID>,<result>[,<value>]: value 128 is the server's refusal
            new("+QMTSUB", 2, FamilyFailure.Subscribe, ["0", "1"], Meanings(("2", "failed to send the SUBSCRIBE packet"))),
            new("+QMTSUB", 3, FamilyFailure.Subscribe, ["0", "1", "2"], Meanings(("128", "the server refused the subscription"))),
            // +QMTPUB / +QMTUNS: <client_idx>,<msgID>,<result>: 1 is a retransmission, not yet a failure
            new("+QMTPUB", 2, FamilyFailure.Command, ["0", "1"], Meanings(("2", "failed to send the PUBLISH packet"))),
            new("+QMTUNS", 2, FamilyFailure.Command, ["0", "1"], Meanings(("2", "failed to send the UNSUBSCRIBE packet"))),
            // +QMTDISC / +QMTCLOSE: <client_idx>,<result>
            new("+QMTDISC", 1, FamilyFailure.Command, ["0"], Meanings(("-1", "failed to close the connection"))),
            new("+QMTCLOSE", 1, FamilyFailure.Command, ["0"], Meanings(("-1", "failed to close the network"))),
            // +QMTSTAT: <client_idx>,<err_code>: the link's state changed; 5 is the host's own DISCONNECT
            new("+QMTSTAT", 1, FamilyFailure.Lost, ["5"], Meanings(("1", "the connection was closed or reset by the peer"),
                ("2", "PINGREQ timed out"), ("3", "CONNECT timed out"), ("4", "CONNACK timed out"), ("6", "the client closed it: sending kept failing"),
                ("7", "the link is not alive or the server is unavailable"))),
        ]);

    /// <summary>
    /// SIMCom: the <c>AT+CMQTT…</c> set (SIM7600, A7670), the NB-IoT <c>AT+CMQ…</c> set (SIM7020: a message comes as
    /// <c>+CMQPUB:</c>) and the <c>AT+SM…</c> set (SIM7000, SIM7080: a message comes as <c>+SMSUB:</c>).
    /// </summary>
    public static readonly ModuleFamily SimCom = new("SIMCom",
        ["+CMQTT*", "+CMQNEW", "+CMQCON", "+CMQDISCON", "+CMQSUB", "+CMQUNSUB", "+CMQPUB", "+CMQALICFG", "+CMQALICON",
         "+SMCONF", "+SMCONN", "+SMDISC", "+SMSUB", "+SMUNSUB", "+SMPUB", "+SMSTATE"],
        ["+CMQTT*", "+CMQPUB", "+CMQDISCON", "+SMSUB", "+SMSTATE"],
        // SIM7020's AT+CMQCON and SIM7000's AT+SMCONN answer OK once the broker accepted the connection.
        Session: [new("+CMQTTCONNECT: *,0", MqttState.Connected), new("+CMQTTDISC: *,0", MqttState.Disconnected),
            new("AT+CMQCON", MqttState.Connected), new("AT+CMQDISCON", MqttState.Disconnected), new("AT+SMCONN", MqttState.Connected), new("AT+SMDISC", MqttState.Disconnected)],
        Outcomes: Outcomes(
        ("+CMQTTSTART", "+CMQTTSTART"), ("+CMQTTSTOP", "+CMQTTSTOP"), ("+CMQTTCONNECT", "+CMQTTCONNECT"), ("+CMQTTDISC", "+CMQTTDISC"),
        ("+CMQTTSUB", "+CMQTTSUB"), ("+CMQTTUNSUB", "+CMQTTUNSUB"), ("+CMQTTPUB", "+CMQTTPUB")),
        Results:
        [
            // +CMQTTSTART: <err>; +CMQTTCONNECT, +CMQTTSUB, +CMQTTUNSUB, +CMQTTPUB, +CMQTTDISC: <client_index>,<err>; +CMQTTSTOP: <err>
            new("+CMQTTSTART", 0, FamilyFailure.Open, ["0"], SimComErrors),
            new("+CMQTTCONNECT", 1, FamilyFailure.Open, ["0"], SimComErrors),
            new("+CMQTTSUB", 1, FamilyFailure.Subscribe, ["0"], SimComErrors),
            new("+CMQTTUNSUB", 1, FamilyFailure.Command, ["0"], SimComErrors),
            new("+CMQTTPUB", 1, FamilyFailure.Command, ["0"], SimComErrors),
            new("+CMQTTDISC", 1, FamilyFailure.Command, ["0"], SimComErrors),
            new("+CMQTTSTOP", 0, FamilyFailure.Command, ["0"], SimComErrors),
            // +CMQTTCONNLOST: <client_index>,<cause>; +CMQTTPING: <client_index>,<err> when a PINGREQ could not be sent
            new("+CMQTTCONNLOST", 1, FamilyFailure.Lost, [], Meanings(("1", "the socket was closed passively"), ("2", "the socket was reset"),
                ("3", "the network was closed"))),
            new("+CMQTTPING", 1, FamilyFailure.Lost, ["0"], SimComErrors),
            ResultField.Whole("+CMQTTNONET", FamilyFailure.Lost, "the network is gone: the MQTT service must be started again (AT+CMQTTSTART)"),
            // SIM7020: +CMQDISCON: <mqtt_id> when the broker or the network ended the connection; it is not re-made by itself
            ResultField.Whole("+CMQDISCON", FamilyFailure.Lost, "the MQTT connection was closed and is not re-made by itself", askedBy: "+CMQDISCON"),
        ]);

    /// <summary>The family of <paramref name="commandLine"/> (a command line as sent) and the line carrying its outcome; null when it has none.</summary>
    public static string? OutcomeOf(string commandLine) =>
        OutcomeCommands.Contains(Catalog.ProtocolCatalog.NameOf(commandLine, out _)) && CommandLine.Parse(commandLine) is { Form: not CommandForm.Read and not CommandForm.Test } command && Of(command) is { } family
            ? family.OutcomeOf(command) : null;

    /// <summary>
    /// The outcome <paramref name="line"/> (a URC named <paramref name="name"/>) carries: its name, or for a name whose
    /// outcomes are told apart by their first field, the name and that field as <see cref="ModuleFamily.Outcomes"/> writes them (<c>+MQTTURC: "conn"</c>).
    /// </summary>
    public static string OutcomeKey(string name, string line)
    {
        if (!TaggedOutcomes.TryGetValue(name, out var keys)) return name;
        var fields = line.AsSpan(Math.Min(name.Length + 1, line.Length)).TrimStart(' ');
        foreach (var key in keys)
        {
            var tag = key.AsSpan(name.Length + 2);
            if (fields.StartsWith(tag, StringComparison.Ordinal) && (fields.Length == tag.Length || fields[tag.Length] == ',')) return key;
        }
        return name;
    }

    // MQTT 3.1.1 CONNACK return codes, as Quectel's ret_code gives them.
    private static Dictionary<string, string> ConnackRefusals => Meanings(("1", "CONNACK refused: unacceptable protocol version"),
        ("2", "CONNACK refused: identifier rejected"), ("3", "CONNACK refused: server unavailable"), ("4", "CONNACK refused: bad user name or password"),
        ("5", "CONNACK refused: not authorized"));

    // The MQTT error codes of SIMCom's A76xx/SIM7600 MQTT AT manual ("MQTT Err Code"), 1 to 34; 0 is success.
    private static Dictionary<string, string> SimComErrors => Meanings(("1", "failed"), ("2", "bad UTF-8 string"),
        ("3", "socket connect failed"), ("4", "socket create failed"), ("5", "socket close failed"), ("6", "message receive failed"),
        ("7", "network open failed"), ("8", "network close failed"), ("9", "network not opened"), ("10", "client index error"),
        ("11", "no connection"), ("12", "invalid parameter"), ("13", "operation not supported"), ("14", "client is busy"),
        ("15", "require connection failed"), ("16", "socket sending failed"), ("17", "timeout"), ("18", "topic is empty"),
        ("19", "client is used"), ("20", "client not acquired"), ("21", "client not released"), ("22", "length out of range"),
        ("23", "network is already opened"), ("24", "packet failed"), ("25", "DNS error"), ("26", "the server closed the socket"),
        ("27", "CONNACK refused: unacceptable protocol version"), ("28", "CONNACK refused: identifier rejected"),
        ("29", "CONNACK refused: server unavailable"), ("30", "CONNACK refused: bad user name or password"),
        ("31", "CONNACK refused: not authorized"), ("32", "TLS handshake failed"), ("33", "no certificate set"), ("34", "opening the SSL session failed"));

    private static Dictionary<string, string> Meanings(params (string Value, string Meaning)[] pairs) =>
        pairs.ToDictionary(p => p.Value, p => p.Meaning, StringComparer.Ordinal);

    private static Dictionary<string, string> Outcomes(params (string Command, string Line)[] pairs) =>
        pairs.ToDictionary(p => p.Command, p => p.Line, StringComparer.Ordinal);

    /// <summary>Every family, in the order they are tried.</summary>
    public static IReadOnlyList<ModuleFamily> All => Families;

    // An array, so the lookups below walk it without an enumerator per line.
    private static readonly ModuleFamily[] Families = [EspAt, OneMo, Air780, Quectel, SimCom];

    // After All: static fields are set in the order written.
    /// <summary>The lines of every family that are words, not <c>+NAME</c> result codes (<c>CONNACK OK</c>, <c>SUBACK</c>).</summary>
    public static IReadOnlyList<string> Words { get; } = [.. All.SelectMany(f => f.Words)];

    // The command names some family's outcome line answers: any other command line is not parsed to look.
    private static readonly HashSet<string> OutcomeCommands = [.. All.SelectMany(f => f.Outcomes?.Keys ?? [])];

    // Outcome lines written `+NAME: <first field>`, by name: one URC name, several outcomes.
    private static readonly Dictionary<string, string[]> TaggedOutcomes = All.SelectMany(f => f.Outcomes?.Values ?? []).Distinct()
        .Where(line => line.Contains(": ", StringComparison.Ordinal))
        .GroupBy(line => line[..line.IndexOf(':')], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>
    /// The family a command line belongs to; null for the M5310-A set and for commands of no known family. A line
    /// two families write alike (<c>AT+MQTTSUB=0,"t",1</c>: ESP-AT and OneMO) goes to the first; see <see cref="ModuleFamily.Owns"/>.
    /// </summary>
    public static ModuleFamily? Of(CommandLine command)
    {
        foreach (var family in ByName.Of(command.Name))
        {
            if (family.Owns(command)) return family;
        }
        return null;
    }

    /// <summary>The family that sends <paramref name="line"/> (module output); null when none does.</summary>
    public static ModuleFamily? Sending(string line)
    {
        // Most module lines are `+NAME: …`, and whether a family's line start matches depends on the name alone.
        var head = line.AsSpan(0, line.AsSpan().IndexOfAny(HeadEnds) is var end and >= 0 ? end : line.Length);
        foreach (var family in ByHead.Of(head))
        {
            if (family.Sends(line)) return family;
        }
        return null;
    }

    private static readonly System.Buffers.SearchValues<char> HeadEnds = System.Buffers.SearchValues.Create(":, ");

    // The families that may own a command name: those naming it, a prefix of it, or sharing it with a field shape.
    private static readonly Candidates ByName = new(name => [.. Families.Where(f =>
        f.Commands.Any(c => c.EndsWith('*') ? name.StartsWith(c[..^1], StringComparison.Ordinal) : c == name) ||
        (f.Shaped ?? []).Any(shaped => shaped.Name == name))]);

    // The families that may send a line of this head: a line start that is the head, a prefix of it, or holds a separator itself.
    private static readonly Candidates ByHead = new(head => [.. Families.Where(f => f.Lines.Any(start =>
        start.EndsWith('*') ? head.StartsWith(start[..^1], StringComparison.Ordinal) || start[..^1].AsSpan().IndexOfAny(HeadEnds) >= 0
        : start == head || start.AsSpan().IndexOfAny(HeadEnds) >= 0))]);

    /// <summary>The families worth asking about a key, worked out once per distinct key (up to a bound) and kept.</summary>
    private sealed class Candidates(Func<string, ModuleFamily[]> find)
    {
        private const int Capacity = 1024;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ModuleFamily[]> _known = new(StringComparer.Ordinal);

        public ModuleFamily[] Of(ReadOnlySpan<char> key)
        {
            var known = _known.GetAlternateLookup<ReadOnlySpan<char>>();
            if (known.TryGetValue(key, out var families)) return families;
            var text = key.ToString();
            families = find(text);
            if (_known.Count < Capacity) _known.TryAdd(text, families);
            return families;
        }
    }
}
