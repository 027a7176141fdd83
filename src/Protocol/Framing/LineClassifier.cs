using Conformance.Protocol.Responses;
using Conformance.Protocol.Catalog;

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
/// <c>+MQTTPUBLISH</c>, …, see <see cref="UrcNames"/>, from the catalog) is a URC, whatever is pending.</item>
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
    /// <summary>Names that are always unsolicited (spec §4), including field spellings such as <c>+MQTTPINGRESP</c>: from the catalog.</summary>
    public static IReadOnlyList<string> UrcNames => Urcs.Names;

    /// <summary>Names that answer a read command (spec §2, §3): from the catalog.</summary>
    public static IReadOnlyList<string> ResponseNames => Responses.Names;

    // Built once from the catalog: the per-line lookups stay allocation-free without a hand-kept switch.
    private static readonly NameTable Urcs = new(ProtocolCatalog.UrcNames);
    private static readonly NameTable Responses = new(ProtocolCatalog.ResponseNames);

    internal static FrameKind Classify(ReadOnlySpan<byte> line, PendingCommand pending, out FinalResultKind? result, out int errorCode)
    {
        result = FinalResults.Match(line, out errorCode);
        if (result is not null) return FrameKind.Final;
        if (pending.NumericResults && line is [(byte)'0' or (byte)'4'])
        {
            result = line[0] == '0' ? FinalResultKind.Ok : FinalResultKind.Error;
            return FrameKind.Final;
        }

        if (pending.Unknown)
        {
            if (line.Length >= 2 && (line[0] | 0x20) == 'a' && (line[1] | 0x20) == 't') return FrameKind.Echo;
        }
        else if (pending.Active && !pending.EchoSeen && (line.SequenceEqual(pending.Line) || LineEditing.HasEdits(line) && LineEditing.SameAs(line, pending.Line)))
        {
            pending.EchoSeen = true;
            return FrameKind.Echo;
        }

        if (line.Length > 0 && line[0] == '+')
        {
            var name = NameOf(line);
            if (IsAlwaysUrc(name)) return FrameKind.Urc;
            if (pending.Unknown) return IsResponseName(name) ? FrameKind.Info : FrameKind.Urc;
            // A command typed in lower case (`at+csq`) is answered in the manual's case (`+CSQ: 20,99`).
            return pending.Active && System.Text.Ascii.EqualsIgnoreCase(name, pending.Name) ? FrameKind.Info : FrameKind.Urc;
        }
        return pending.Active || pending.Unknown ? FrameKind.Info : FrameKind.Urc;
    }

    /// <summary>The <c>+NAME</c> part of a line: up to the colon, or the whole line.</summary>
    public static ReadOnlySpan<byte> NameOf(ReadOnlySpan<byte> line)
    {
        var colon = line.IndexOf((byte)':');
        return (colon < 0 ? line : line[..colon]).TrimEnd((byte)' ');
    }

    /// <summary>True for a name listed in <see cref="UrcNames"/>.</summary>
    public static bool IsAlwaysUrc(ReadOnlySpan<byte> name) => Urcs.Contains(name);

    /// <summary>The catalog's string for a URC or response name (no new string per line); null for another name.</summary>
    public static string? KnownName(ReadOnlySpan<char> name) => Urcs.Find(name) ?? Responses.Find(name);

    /// <summary>The catalog's string for a URC or response name (no new string per line); null for another name.</summary>
    public static string? KnownName(ReadOnlySpan<byte> name) => Urcs.Find(name) ?? Responses.Find(name);

    private static bool IsResponseName(ReadOnlySpan<byte> name) => Responses.Contains(name);
}
