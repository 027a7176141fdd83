using System.Collections.Frozen;
using Conformance.Protocol.Responses;

namespace Conformance.Protocol.Catalog;

/// <summary>
/// Every protocol fact in one place: the commands, the URCs (what each answers, how it is matched), the boot
/// banners of generic AT and the manual's defaults. The classifier's name tables, the URC parser's dispatch,
/// the suite DSL's names and the analyzer's correlation are derived from it.
/// </summary>
/// <remarks>Adding a URC: its record in <c>Responses/Urcs</c>, one line in <see cref="Urcs"/>.</remarks>
public static class ProtocolCatalog
{
    /// <summary>How long the module waits for a server ACK before <c>+MQTTTO</c>, until <c>AT+MQTTTO</c> changes it (manual §1.9).</summary>
    public static readonly TimeSpan DefaultAckTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The longest a command's final result may take: drivers wait 2–5 s for a plain command's OK.</summary>
    public static readonly TimeSpan FinalResultWithin = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a module is silent before a host takes what it was sending as finished: the bytes of one line, and the
    /// lines a firmware adds straight after an answer (a second OK, an outcome printed at once), come closer than this.
    /// </summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(1);

    /// <summary>The commands of the M5310-A: MQTT (manual chapter 1) and the power-on check (manual §4.1).</summary>
    public static IReadOnlyList<CommandEntry> Commands { get; } =
    [
        new("", "4.1"),
        new("E", "4.1"),
        new("+CGSN", "4.1", Answers: true),
        new("+CGATT", "4.1", Answers: true),
        new("+CEREG", "4.1", Answers: true, AlsoUnasked: true),
        new("+CSQ", "4.1", Answers: true),
        new("+MQTTCFG", "1.1", Answers: true, NewClient: true),
        new("+MQTTOPEN", "1.2", AckTimeout: MqttTimeoutType.Connect),
        new("+MQTTSTAT", "1.3", Answers: true),
        new("+MQTTSUB", "1.4", Answers: true, AckTimeout: MqttTimeoutType.Subscribe, Lists: true),
        new("+MQTTPUB", "1.5", AckTimeout: MqttTimeoutType.Publish),
        new("+MQTTUNSUB", "1.6", AckTimeout: MqttTimeoutType.Unsubscribe),
        new("+MQTTDISC", "1.7"),
        new("+MQTTDEL", "1.8", NewClient: true),
        new("+MQTTTO", "1.9"),
        new("+MQTTPING", "1.10", AckTimeout: MqttTimeoutType.Ping),
    ];

    /// <summary>The URCs of the MQTT command set (manual §1.11), one line each.</summary>
    public static IReadOnlyList<UrcEntry> Urcs { get; } =
    [
        new("+MQTTOPEN", "1.2", typeof(MqttOpenResult), OutcomeOf: "+MQTTOPEN") { Read = (r, _, _) => MqttOpenResult.Read(r), AlsoUnasked = true },
        new("+MQTTPUBLISH", "1.11", typeof(MqttPublish), ByPacketId: true) { Read = MqttPublish.Read },
        new("+MQTTSUBACK", "1.11", typeof(SubAck), OutcomeOf: "+MQTTSUB") { Read = (r, _, _) => SubAck.Read(r) },
        new("+MQTTPUBACK", "1.11", typeof(PubAck), OutcomeOf: "+MQTTPUB", Qos: 1) { Read = (r, _, _) => PubAck.Read(r) },
        new("+MQTTPUBREC", "1.11", typeof(PubRec), OutcomeOf: "+MQTTPUB", Qos: 2) { Read = (r, _, _) => PubRec.Read(r) },
        new("+MQTTPUBREL", "1.11", typeof(PubRel), Follows: "+MQTTPUBLISH", ByPacketId: true) { Read = (r, _, _) => PubRel.Read(r) },
        new("+MQTTPUBCOMP", "1.11", typeof(PubComp), Follows: "+MQTTPUBREC", ByPacketId: true) { Read = (r, _, _) => PubComp.Read(r) },
        new("+MQTTPINGRSP", "1.10", typeof(PingResp), Aliases: PingResp.FieldName) { Read = (r, _, _) => PingResp.Read(r) },
        new("+MQTTUNSUBACK", "1.11", typeof(UnsubAck), OutcomeOf: "+MQTTUNSUB") { Read = (r, _, _) => UnsubAck.Read(r) },
        new("+MQTTTO", "1.9", typeof(MqttTimeout)) { Read = (r, _, _) => MqttTimeout.Read(r) },
        new("+MQTTREC", "3.3.5", typeof(MqttReconnect)) { Read = (r, _, _) => MqttReconnect.Read(r) },
        new("+MQTTDISC", "1.7", typeof(MqttDisconnected), OutcomeOf: "+MQTTDISC") { Read = (r, _, _) => MqttDisconnected.Read(r), AlsoUnasked = true },
    ];

    /// <summary>
    /// Lines a module prints on its own at boot or on a link change (3GPP 27.007 and common firmware practice):
    /// URCs without a typed value, whatever is pending. <c>CONNECT OK</c> / <c>CONNECT FAIL</c> end a TCP or MQTT
    /// link's opening (SIM800 <c>AT+CIPSTART</c>, Air780 <c>AT+MIPSTART</c>) after the command's own OK; <c>CLOSED</c>
    /// says the server closed it.
    /// </summary>
    /// <remarks>A word ending in <c>_</c> names a family of lines (<c>REBOOT_CAUSE_SECURITY_WATCHDOG</c>).</remarks>
    public static IReadOnlyList<string> Banners { get; } =
        ["ready", "RDY", "*ATREADY", "REBOOT_CAUSE_", "Neul", "SMS DONE", "PB DONE", "Call Ready", "SMS Ready", "WIFI GOT IP", "WIFI CONNECTED",
         "WIFI DISCONNECT", "CONNECT OK", "CONNECT FAIL", "CLOSED"];

    /// <summary>
    /// The banners that say the module (re)started, so whatever it was doing is lost: <c>RDY</c> (SIMCom, Quectel),
    /// <c>*ATREADY</c> (M5311), <c>ready</c> (ESP-AT), and the Hi2115 boot of the M5310-A and its kin
    /// (<c>REBOOT_CAUSE_…</c>, then <c>Neul</c> and <c>OK</c>).
    /// </summary>
    public static IReadOnlySet<string> Restarts { get; } = new HashSet<string>(["ready", "RDY", "*ATREADY", "REBOOT_CAUSE_", "Neul"], StringComparer.Ordinal);

    /// <summary>
    /// True when <paramref name="commandLine"/> asks the module to restart, so the restart banner after it is no fault:
    /// <c>AT+NRB</c> (Hi2115: the M5310-A and its kin), <c>AT+RST</c> (ESP-AT), <c>AT+QRST</c> (Quectel),
    /// <c>AT+CRESET</c> (SIMCom), and 3GPP 27.007's <c>AT+CFUN=&lt;fun&gt;,1</c> (reset before changing the function).
    /// </summary>
    public static bool AsksRestart(string commandLine)
    {
        if (!Syntax.CommandLine.TryReadName(commandLine, out var name, out _, out var arguments)) return false;
        if (name.Equals("+CFUN", StringComparison.OrdinalIgnoreCase))
            return commandLine.AsSpan(arguments).Trim() is var rest && rest.IndexOf(',') is var comma and > 0 && rest[(comma + 1)..].Trim().SequenceEqual("1");
        return RestartCommands.Contains(name);
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RestartCommands =
        new HashSet<string>(["+NRB", "+RST", "+QRST", "+CRESET"], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Word prompts: after one the host sends raw data until the final result.</summary>
    public static IReadOnlyList<string> WordPrompts { get; } = ["DOWNLOAD", "CONNECT"];

    /// <summary>
    /// Words that give the result of the data sent after a prompt, true for success. Some modules end the command
    /// with them (SIM800 <c>AT+CIPSEND</c>: <c>&gt;</c>, data, <c>SEND OK</c>, no OK), others send OK after them.
    /// </summary>
    public static IReadOnlyDictionary<string, bool> DataResults { get; } = new Dictionary<string, bool>(StringComparer.Ordinal)
    {
        ["SEND OK"] = true,
        ["SEND FAIL"] = false,
    };

    /// <summary>Names that are always unsolicited, whatever is pending: every URC spelling.</summary>
    public static IReadOnlyList<string> UrcNames { get; } = [.. Urcs.SelectMany(u => u.Spellings)];

    /// <summary>Names that only ever answer a command: the commands whose information lines carry their own name.</summary>
    public static IReadOnlyList<string> ResponseNames { get; } = [.. Commands.Where(c => c.Answers).Select(c => c.Name)];

    // Frozen: looked up for every URC of every log, never changed.
    private static readonly FrozenDictionary<string, UrcEntry> BySpelling =
        Urcs.SelectMany(u => u.Spellings.Select(s => (s, u))).ToFrozenDictionary(p => p.s, p => p.u, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, CommandEntry> ByCommand = Commands.ToFrozenDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>The URC spelled <paramref name="name"/> (any spelling); null for a name the catalog does not know.</summary>
    public static UrcEntry? Urc(string name) => BySpelling.GetValueOrDefault(name);

    private static readonly FrozenDictionary<Type, UrcEntry> ByType = Urcs.Where(u => u.Type is not null).ToFrozenDictionary(u => u.Type!);

    /// <summary>The URC whose record is <typeparamref name="T"/>.</summary>
    public static UrcEntry Urc<T>() where T : Urc => ByType[typeof(T)];

    /// <summary>The URC whose record is <paramref name="type"/>.</summary>
    public static UrcEntry Urc(Type type) => ByType.TryGetValue(type, out var entry) ? entry
        : throw new InvalidOperationException($"{type.Name} has no line in the protocol catalog");

    /// <summary>The command named <paramref name="name"/> (<c>+MQTTSUB</c>); null for one the catalog does not know.</summary>
    public static CommandEntry? Command(string name) => ByCommand.GetValueOrDefault(name);

    /// <summary>
    /// The URC that carries the outcome of <paramref name="commandLine"/> sent with <paramref name="qos"/>; null when
    /// it has none. Only a set or action form has an outcome: <c>AT+MQTTSUB?</c> reads, it subscribes nothing.
    /// </summary>
    public static UrcEntry? OutcomeOf(string commandLine, int qos = 0)
    {
        var name = NameOf(commandLine, out var read);
        if (read) return null;
        // A loop, not a query: asked for every command answered OK.
        for (var i = 0; i < Urcs.Count; i++)
            if (Urcs[i] is var urc && urc.OutcomeOf == name && (urc.Qos is null || urc.Qos == qos)) return urc;
        return null;
    }

    /// <summary>The name of a command line (<c>+MQTTSUB</c>, from the one command syntax); <paramref name="read"/> for a read or test form.</summary>
    public static string NameOf(string commandLine, out bool read)
    {
        // Asked several times per command of a log: a name of the catalog is read in place, not built.
        read = false;
        if (!Syntax.CommandLine.TryReadName(commandLine, out var written, out var form, out _)) return "";
        read = form is Syntax.CommandForm.Read or Syntax.CommandForm.Test;
        return KnownNames.TryGetValue(written, out var name) ? name : written.ToString().ToUpperInvariant();
    }

    // The catalog's names, found from a name as written in any case (the names are ASCII: upper case is all it differs by).
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownNames =
        new HashSet<string>(Commands.Select(c => c.Name), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The URC that completes <paramref name="name"/> by packet id in a QoS 2 handshake (<c>+MQTTPUBCOMP</c> for <c>+MQTTPUBREC</c>).</summary>
    public static string FollowerOf(string name) => Followers[name];

    private static readonly Dictionary<string, string> Followers =
        Urcs.Where(u => u.Follows is not null).ToDictionary(u => u.Follows!, u => u.Name, StringComparer.Ordinal);

    /// <summary>
    /// The URCs an ACK timeout of <paramref name="type"/> ends the wait for: the outcomes of its commands, and the steps
    /// that follow them (a QoS 2 publish waits for <c>+MQTTPUBCOMP</c> after its <c>+MQTTPUBREC</c>).
    /// </summary>
    public static IReadOnlyList<string> AwaitedBy(MqttTimeoutType type) =>
        [.. Commands.Where(c => c.AckTimeout == type).SelectMany(c => Urcs.Where(u => u.OutcomeOf == c.Name))
            .SelectMany(u => Followers.TryGetValue(u.Name, out var next) ? [u.Name, next] : new[] { u.Name })];
}
