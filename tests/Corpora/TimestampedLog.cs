namespace Conformance.Corpora;

/// <summary>
/// A Tera Term-style log with a stamp on every line (<c>[2026-11-29 12:00:00.123] +MQTTPUBACK: 1,0</c>): both sides
/// of a publishing device's session, short lines, as a support team receives it from the field.
/// </summary>
/// <param name="Bytes">The log, LF line ends, ending with a line end.</param>
/// <param name="Commands">Command lines the host sent.</param>
/// <param name="Urcs">URC lines of the module.</param>
public sealed record TimestampedLog(byte[] Bytes, long Commands, long Urcs)
{
    private static readonly Lazy<TimestampedLog> Default = new(() => Generate(ModuleOutput.DefaultSize));

    /// <summary>The log at <see cref="ModuleOutput.DefaultSize"/>, generated once per process.</summary>
    public static TimestampedLog Get() => Default.Value;

    /// <summary>A log of at least <paramref name="size"/> bytes, whole exchanges; the same size gives the same bytes.</summary>
    public static TimestampedLog Generate(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var w = new CorpusWriter(size);
        var random = new Random(5310);
        var time = new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Unspecified);
        long commands = 0, urcs = 0, packetId = 0;
        void Line(string text)
        {
            time = time.AddMilliseconds(random.Next(1, 400));
            w.Append((byte)'[');
            w.Append(time, "yyyy-MM-dd HH:mm:ss.fff");
            w.Write($"] {text}\n");
        }
        while (w.Length < size)
        {
            packetId = packetId % 65535 + 1;
            switch (random.Next(8))
            {
                case 0 or 1 or 2:
                    // Text (message_len 0) and hex (message_len counts the bytes) messages.
                    Line(random.Next(2) == 0 ? $"AT+MQTTPUB=\"dev/u\",1,0,0,0,\"t={random.Next(100)}\"" : $"AT+MQTTPUB=\"dev/u\",1,0,0,2,\"{random.Next(256 * 256):X4}\"");
                    Line("OK");
                    Line($"+MQTTPUBACK: {packetId},0");
                    (commands, urcs) = (commands + 1, urcs + 1);
                    break;
                case 3 or 4:
                    var text = $"v={random.Next(100)}";
                    Line($"+MQTTPUBLISH: 0,0,0,0,\"dev/cmd\",{text.Length},{text}");
                    urcs++;
                    break;
                case 5:
                    Line("+MQTTPINGRSP: OK");
                    urcs++;
                    break;
                case 6:
                    Line("AT+CSQ");
                    Line($"+CSQ: {random.Next(10, 32)},99");
                    Line("OK");
                    commands++;
                    break;
                default:
                    Line("AT+MQTTPUB=\"dev/s\",2,0,0,0,\"on\"");
                    Line("OK");
                    Line($"+MQTTPUBREC: 0,{packetId}");
                    Line($"+MQTTPUBCOMP: 0,{packetId}");
                    (commands, urcs) = (commands + 1, urcs + 2);
                    break;
            }
        }
        return new TimestampedLog(w.ToArray(), commands, urcs);
    }
}
