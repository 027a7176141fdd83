namespace Conformance.Analyzer.Readers;

/// <summary>
/// How much of a hex <c>AT+MQTTPUB</c> message a line holds (manual §1.5: message_len &gt; 0 counts the bytes its hex
/// encodes): a terminal that cut the line leaves fewer hex digits than message_len says, and the rest comes in the next
/// piece. Read from the bytes, for <see cref="SplitLines"/>.
/// </summary>
internal static class HexPublish
{
    /// <summary>
    /// The hex digits the message of the publish <paramref name="line"/> still lacks (0 when whole); -1 when the line is
    /// no hex publish (no <c>AT+MQTTPUB=</c>, message_len 0, a message that is no run of hex digits, or one too long).
    /// </summary>
    public static int Missing(ReadOnlySpan<byte> line)
    {
        if (line.Length < 11 || !System.Text.Ascii.EqualsIgnoreCase(line[..11], "AT+MQTTPUB="u8)) return -1;
        var rest = line[11..];
        // The topic, quoted (it may hold commas) or not; then qos, retain and dup.
        var topicEnd = rest.Length > 0 && rest[0] == '"' ? rest[1..].IndexOf((byte)'"') + 2 : 0;
        if (topicEnd == 1) return -1;
        rest = rest[topicEnd..];
        for (var field = 0; field < 4; field++)
        {
            var comma = rest.IndexOf((byte)',');
            if (comma < 0) return -1;
            rest = rest[(comma + 1)..];
        }
        var lengthEnd = rest.IndexOf((byte)',');
        if (lengthEnd < 0 || !int.TryParse(rest[..lengthEnd], System.Globalization.NumberStyles.None, null, out var bytes) || bytes <= 0) return -1;
        var message = rest[(lengthEnd + 1)..];
        if (message.Length > 0 && message[0] == '"')
        {
            message = message[1..];
            // A closing quote ends the message: it is whole only with every digit before the quote.
            var close = message.IndexOf((byte)'"');
            if (close >= 0) return close == message.Length - 1 && message[..close].IndexOfAnyExcept(HexDigits) < 0 && close == 2 * bytes ? 0 : -1;
            // Every digit there and the quote still open: the quote is what is missing (SplitLines' quote rule).
            if (message.Length == 2 * bytes) return -1;
        }
        if (message.IndexOfAnyExcept(HexDigits) >= 0 || message.Length > 2 * bytes) return -1;
        return 2 * bytes - message.Length;
    }

    private static readonly System.Buffers.SearchValues<byte> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF"u8);
}
