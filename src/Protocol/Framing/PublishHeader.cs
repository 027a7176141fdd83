namespace Conformance.Protocol.Framing;

/// <summary>
/// Finds msg_len in a <c>+MQTTPUBLISH: dup,qos,retained,packId,topic,msg_len[,message]</c> line, so the
/// tokenizer can take exactly msg_len bytes as the message whatever they contain (spec §1).
/// </summary>
public static class PublishHeader
{
    private static ReadOnlySpan<byte> Name => "+MQTTPUBLISH"u8;

    /// <param name="line">The bytes up to the first line end.</param>
    /// <param name="headerEnd">Index just past the msg_len digits.</param>
    /// <param name="messageLength">The declared msg_len.</param>
    /// <returns>False when the line is not a publish header with a readable msg_len (it is then a plain line).</returns>
    public static bool TryFind(ReadOnlySpan<byte> line, out int headerEnd, out int messageLength)
    {
        headerEnd = 0;
        messageLength = 0;
        if (!line.StartsWith(Name) || line.Length == Name.Length || line[Name.Length] != ':') return false;
        var i = Name.Length + 1;
        // Skip dup, qos, retained, packId: four plain fields.
        for (var field = 0; field < 4; field++)
        {
            var comma = line[i..].IndexOf((byte)',');
            if (comma < 0) return false;
            i += comma + 1;
        }
        // The topic may be quoted and contain commas.
        if (i < line.Length && line[i] == '"')
        {
            var close = line[(i + 1)..].IndexOf((byte)'"');
            if (close < 0) return false;
            i += close + 2;
            if (i >= line.Length || line[i] != ',') return false;
            i++;
        }
        else
        {
            var comma = line[i..].IndexOf((byte)',');
            if (comma < 0) return false;
            i += comma + 1;
        }
        var digits = 0;
        long value = 0;
        while (i + digits < line.Length && line[i + digits] is >= (byte)'0' and <= (byte)'9' && digits < 10)
        {
            value = value * 10 + (line[i + digits] - '0');
            digits++;
        }
        if (digits == 0 || value > int.MaxValue) return false;
        headerEnd = i + digits;
        if (headerEnd < line.Length && line[headerEnd] != ',') return false;
        messageLength = (int)value;
        return true;
    }
}
