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
        ]);

    /// <summary>China Mobile OneMO's later set (ML307, ML305, ML302A, MN316): a link id first, URCs as <c>+MQTTURC: "…"</c>.</summary>
    public static readonly ModuleFamily OneMo = new("OneMO",
        ["+MQTTREAD", "+MQTTSTATE"],
        ["+MQTTURC", "+MQTTSTATE", "+MQTTREAD"],
        [
            new("+MQTTCFG", FieldShapes.KeywordFirst), new("+MQTTCONN", FieldShapes.HostPortClient),
            new("+MQTTSUB", FieldShapes.LinkIdFirst), new("+MQTTUNSUB", FieldShapes.LinkIdFirst),
            new("+MQTTPUB", FieldShapes.QosThird), new("+MQTTDISC", FieldShapes.SetForm),
        ]);

    /// <summary>AirM2M Air780 / Air724 (Luat) AT firmware.</summary>
    public static readonly ModuleFamily Air780 = new("Air780",
        ["+MCONFIG", "+MIPSTART", "+MCONNECT", "+MSUB", "+MUNSUB", "+MPUB", "+MPUBEX", "+MDISCONNECT", "+MIPCLOSE",
         "+MQTTSTATU", "+MQTTMSGGET", "+MQTTMSGSET", "+SSLMIPSTART"],
        // Not `CONNECT OK`: SIM800 and others answer a TCP open with it too.
        ["CONNACK OK", "SUBACK", "UNSUBACK", "PUBACK", "+MSUB", "+MQTTSTATU", "ALREADY CONNECT"]);

    /// <summary>Quectel (BC20, EC2x, EG9x, BG96): the <c>AT+QMT…</c> set.</summary>
    public static readonly ModuleFamily Quectel = new("Quectel", ["+QMT*"], ["+QMT*"]);

    /// <summary>SIMCom (SIM7600, A7670): the <c>AT+CMQTT…</c> set.</summary>
    public static readonly ModuleFamily SimCom = new("SIMCom", ["+CMQTT*"], ["+CMQTT*"]);

    /// <summary>Every family, in the order they are tried.</summary>
    public static IReadOnlyList<ModuleFamily> All => Families;

    // An array, so the lookups below walk it without an enumerator per line.
    private static readonly ModuleFamily[] Families = [EspAt, OneMo, Air780, Quectel, SimCom];

    /// <summary>
    /// The family a command line belongs to; null for the M5310-A set and for commands of no known family. A line
    /// two families write alike (<c>AT+MQTTSUB=0,"t",1</c>: ESP-AT and OneMO) goes to the first; see <see cref="ModuleFamily.Owns"/>.
    /// </summary>
    public static ModuleFamily? Of(CommandLine command)
    {
        foreach (var family in Families)
        {
            if (family.Owns(command)) return family;
        }
        return null;
    }

    /// <summary>The family that sends <paramref name="line"/> (module output); null when none does.</summary>
    public static ModuleFamily? Sending(string line)
    {
        foreach (var family in Families)
        {
            if (family.Sends(line)) return family;
        }
        return null;
    }
}
