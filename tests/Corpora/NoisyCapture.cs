namespace Conformance.Corpora;

/// <summary>
/// A capture as a customer's terminal shows it: the module's output with echo on, every line end form mixed
/// (<c>\r\n</c>, <c>\n</c>, <c>\r</c>, <c>\r\r\n</c>), bursts of power-up garbage, runs of 1-byte lines
/// answering a read, and now and then a line longer than the tokenizer's default 64 KB frame limit.
/// </summary>
/// <remarks>
/// Information responses only follow the echo of a read command, so a tokenizer that knows the host's commands
/// and one that reads module output alone see the same information responses and URCs.
/// </remarks>
internal static class NoisyCapture
{
    /// <summary>Over-long lines per corpus, whatever its size.</summary>
    private const int Overflows = 4;

    private const int FrameLimit = 64 * 1024;

    private static readonly byte[][] LineEnds = ["\r\n"u8.ToArray(), "\n"u8.ToArray(), "\r"u8.ToArray(), "\r\r\n"u8.ToArray()];

    public static void Write(CorpusWriter w, int size)
    {
        var random = new Random(5314);
        ReadOnlySpan<byte> End() => LineEnds[random.Next(LineEnds.Length)];

        Garbage(w, random, End());
        var nextOverflow = size / (2 * Overflows);
        var packetId = 1;
        while (w.Length < size)
        {
            packetId = packetId % 65535 + 1;
            if (w.Length >= nextOverflow)
            {
                nextOverflow += size / Overflows;
                for (var i = FrameLimit + random.Next(8192); i > 0; i--) w.Append((byte)"0123456789ABCDEF"[random.Next(16)]);
                w.Append(End());
                w.Count(overflow: 1);
                continue;
            }
            switch (random.Next(12))
            {
                case 0 or 1 or 2:
                    w.Write($"AT+CSQ{End()}+CSQ: {random.Next(32)},99{End()}{End()}OK{End()}");
                    w.Count(echo: 1, info: 1, final: 1);
                    break;
                case 3 or 4:
                    var message = Payloads.Text(random, random.Next(1, 8), lineBreaks: false);
                    w.Write($"AT+MQTTPUB=\"dev/gsm/u\",1,0,0,{message.Length},\"{message}\"{End()}OK{End()}{End()}+MQTTPUBACK: {packetId},0{End()}");
                    w.Count(echo: 1, final: 1, urc: 1);
                    break;
                case 5 or 6:
                    var payload = random.Next(2) == 0 ? Payloads.Json(random) : Payloads.Text(random, random.Next(1, 20), lineBreaks: true);
                    w.Write($"+MQTTPUBLISH: 0,0,0,0,\"dev/gsm/u\",{payload.Length},{payload}{End()}");
                    w.Count(publish: 1);
                    break;
                case 7:
                    w.Write($"{End()}+MQTTPINGRSP: OK{End()}");
                    w.Count(urc: 1);
                    break;
                case 8:
                    Garbage(w, random, End());
                    break;
                case 9:
                    w.Write($"AT+MQTTSUB?{End()}");
                    var lines = random.Next(16, 512);
                    for (var i = 0; i < lines; i++)
                    {
                        var draw = random.Next(40);   // one draw for the digit and its line end: these runs are long
                        w.Append((byte)('0' + draw % 10));
                        w.Append(LineEnds[draw / 10]);
                    }
                    w.Write($"OK{End()}");
                    w.Count(echo: 1, info: lines, final: 1);
                    break;
                case 10:
                    w.Write($"AT+MQTTSTAT?{End()}+MQTTSTAT: 5{End()}{End()}OK{End()}");
                    w.Count(echo: 1, info: 1, final: 1);
                    break;
                default:
                    w.Write($"AT+MQTTDISC{End()}+CME ERROR: 601{End()}");
                    w.Count(echo: 1, final: 1);
                    break;
            }
        }
    }

    /// <summary>A burst of bytes a UART delivers at power-up: NUL, 0xFF and bytes that cannot start a UTF-8 character.</summary>
    private static void Garbage(CorpusWriter w, Random random, ReadOnlySpan<byte> lineEnd)
    {
        for (var i = random.Next(1, 48); i > 0; i--)
            w.Append(random.Next(3) switch { 0 => (byte)0x00, 1 => (byte)0xFF, _ => (byte)random.Next(0x80, 0xC2) });
        w.Append(lineEnd);
        w.Count(noise: 1);
    }
}
