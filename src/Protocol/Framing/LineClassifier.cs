namespace Conformance.Protocol.Framing;

/// <summary>
/// Decides whether a line of module output is an echo, a final result, an information response or a URC.
/// </summary>
/// <remarks>
/// The rule, in order:
/// <list type="number">
/// <item><c>OK</c>, <c>ERROR</c>, <c>+CME ERROR:…</c> are final results.</item>
/// <item>The first line equal to the pending command's text is its echo. With the host side unknown
/// (a capture of module output only), any line starting with <c>AT</c> is an echo.</item>
/// <item>A <c>+NAME…</c> line whose name is never an answer to a command (<c>+MQTTOPEN</c>, <c>+MQTTSUBACK</c>,
/// <c>+MQTTPUBLISH</c>, …, see <see cref="UrcNames"/>) is a URC, whatever is pending.</item>
/// <item>A <c>+NAME…</c> line answers the pending command only when the command has that name:
/// <c>+MQTTSUB:</c> answers <c>AT+MQTTSUB?</c>, <c>+CEREG: 0,1</c> answers <c>AT+CEREG?</c>. Otherwise it is a URC.
/// With the host side unknown, the names that only ever answer a read command (<see cref="ResponseNames"/>)
/// are information responses.</item>
/// <item>A line without <c>+</c> (a subscription list entry, a bare IMEI) is an information response while a
/// command is pending or the host side is unknown, and a URC when nothing was asked.</item>
/// </list>
/// </remarks>
public static class LineClassifier
{
    /// <summary>Names that are always unsolicited (spec §4), including the field spelling <c>+MQTTPINGRESP</c>.</summary>
    public static readonly string[] UrcNames =
    [
        "+MQTTOPEN", "+MQTTPUBLISH", "+MQTTSUBACK", "+MQTTPUBACK", "+MQTTPUBREC", "+MQTTPUBREL", "+MQTTPUBCOMP",
        "+MQTTPINGRSP", "+MQTTPINGRESP", "+MQTTUNSUBACK", "+MQTTTO", "+MQTTREC", "+MQTTDISC",
    ];

    /// <summary>Names that answer a read command (spec §2, §3).</summary>
    public static readonly string[] ResponseNames =
        ["+MQTTSUB", "+MQTTCFG", "+MQTTSTAT", "+CSQ", "+CEREG", "+CGATT", "+CGSN"];


    internal static FrameKind Classify(ReadOnlySpan<byte> line, PendingCommand pending, out FinalResultCode result, out int errorCode)
    {
        result = FinalResults.Match(line, out errorCode);
        if (result != FinalResultCode.None) return FrameKind.Final;

        if (pending.Unknown)
        {
            if (line.Length >= 2 && (line[0] | 0x20) == 'a' && (line[1] | 0x20) == 't') return FrameKind.Echo;
        }
        else if (pending.Active && !pending.EchoSeen && line.SequenceEqual(pending.Line))
        {
            pending.EchoSeen = true;
            return FrameKind.Echo;
        }

        if (line.Length > 0 && line[0] == '+')
        {
            var name = NameOf(line);
            if (IsAlwaysUrc(name)) return FrameKind.Urc;
            if (pending.Unknown) return IsResponseName(name) ? FrameKind.Info : FrameKind.Urc;
            return pending.Active && name.SequenceEqual(pending.Name) ? FrameKind.Info : FrameKind.Urc;
        }
        return pending.Active || pending.Unknown ? FrameKind.Info : FrameKind.Urc;
    }

    /// <summary>The <c>+NAME</c> part of a line: up to the colon, or the whole line.</summary>
    public static ReadOnlySpan<byte> NameOf(ReadOnlySpan<byte> line)
    {
        var colon = line.IndexOf((byte)':');
        return (colon < 0 ? line : line[..colon]).TrimEnd((byte)' ');
    }

    // The lookups below dispatch on the name's length first: one or two span comparisons per line instead of
    // a scan of the tables. They must list exactly the names of UrcNames and ResponseNames.

    /// <summary>True for a name listed in <see cref="UrcNames"/>.</summary>
    public static bool IsAlwaysUrc(ReadOnlySpan<byte> name) => name.Length switch
    {
        7 => name.SequenceEqual("+MQTTTO"u8),
        8 => name.SequenceEqual("+MQTTREC"u8),
        9 => name.SequenceEqual("+MQTTOPEN"u8) || name.SequenceEqual("+MQTTDISC"u8),
        11 => name.StartsWith("+MQTT"u8) && (name.EndsWith("PUBACK"u8) || name.EndsWith("SUBACK"u8)
            || name.EndsWith("PUBREC"u8) || name.EndsWith("PUBREL"u8)),
        12 => name.SequenceEqual("+MQTTPUBLISH"u8) || name.SequenceEqual("+MQTTPUBCOMP"u8) || name.SequenceEqual("+MQTTPINGRSP"u8),
        13 => name.SequenceEqual("+MQTTUNSUBACK"u8) || name.SequenceEqual("+MQTTPINGRESP"u8),
        _ => false,
    };

    /// <summary>True for a name listed in <see cref="ResponseNames"/>.</summary>
    private static bool IsResponseName(ReadOnlySpan<byte> name) => name.Length switch
    {
        4 => name.SequenceEqual("+CSQ"u8),
        5 => name.SequenceEqual("+CGSN"u8),
        6 => name.SequenceEqual("+CEREG"u8) || name.SequenceEqual("+CGATT"u8),
        8 => name.SequenceEqual("+MQTTSUB"u8) || name.SequenceEqual("+MQTTCFG"u8),
        9 => name.SequenceEqual("+MQTTSTAT"u8),
        _ => false,
    };
}
