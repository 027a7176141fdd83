using System.Text;

namespace Conformance.Benchmarks.Corpus;

/// <summary>
/// Generates module-output corpora deterministically (fixed seed), so every run and every machine measures
/// the same bytes.
/// </summary>
public static class ModuleOutput
{
    private const int TypicalSize = 4 * 1024 * 1024;
    private const int WorstCaseSize = 2 * 1024 * 1024;

    private static readonly byte[] TypicalBytes = Typical(TypicalSize);
    private static readonly byte[] WorstCaseBytes = WorstCase(WorstCaseSize);

    /// <summary>The corpus of <paramref name="kind"/>, generated once per process.</summary>
    public static byte[] Get(CorpusKind kind) => kind == CorpusKind.Typical ? TypicalBytes : WorstCaseBytes;

    /// <summary>
    /// A session as the module prints it: mostly QoS 1/2 handshakes and incoming publishes (both message
    /// forms, JSON and text payloads), with signal reads, pings, errors and the odd blank line or echo.
    /// </summary>
    public static byte[] Typical(int size)
    {
        var random = new Random(5310);
        var text = new StringBuilder(size + 1024);
        var packetId = 1;
        while (text.Length < size)
        {
            packetId = packetId % 65535 + 1;
            switch (random.Next(12))
            {
                case 0 or 1 or 2:
                    var payload = JsonPayload(random);
                    if (random.Next(2) == 0)
                        text.Append($"\r\n+MQTTPUBLISH: 0,1,0,{packetId},\"dev/gsm/u\",{payload.Length},{payload}\r\n");
                    else
                        text.Append($"\r\n+MQTTPUBLISH: 0,2,0,{packetId},\"dev/gsm/u\",{payload.Length}\r\n{payload}\r\n+MQTTPUBREL: 0,{packetId}\r\n");
                    break;
                case 3 or 4:
                    text.Append($"\r\nOK\r\n\r\n+MQTTPUBACK: {packetId},0\r\n");
                    break;
                case 5:
                    text.Append($"\r\nOK\r\n\r\n+MQTTPUBREC: 0,{packetId}\r\n\r\n+MQTTPUBCOMP: 0,{packetId}\r\n");
                    break;
                case 6:
                    text.Append($"\r\n+CSQ: {random.Next(32)},99\r\n\r\nOK\r\n");
                    break;
                case 7:
                    text.Append("\r\n+MQTTPINGRSP: OK\r\n");
                    break;
                case 8:
                    text.Append($"\r\n+CEREG: 0,{(random.Next(4) == 0 ? 5 : 1)}\r\n\r\nOK\r\n\r\n+CGATT: 1\r\n\r\nOK\r\n");
                    break;
                case 9:
                    text.Append($"AT+MQTTSUB=\"dev/{random.Next(100)}/cmd\",1\r\r\nOK\r\n+MQTTSUBACK: {packetId},1,\"dev/{random.Next(100)}/cmd\"\r\n");
                    break;
                case 10:
                    text.Append($"\r\n+MQTTSTAT: 5\r\n\r\nOK\r\n\r\n+CME ERROR: {(random.Next(2) == 0 ? 601 : 3)}\r\n");
                    break;
                default:
                    text.Append("\r\nOK\r\n\r\n+MQTTTO: 5\r\n+MQTTREC: 0\r\n\r\n+MQTTOPEN: OK\r\n");
                    break;
            }
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Alternates a run of 1-byte lines with a publish of a long hex payload (a OneNET binary data point).</summary>
    public static byte[] WorstCase(int size)
    {
        var random = new Random(5311);
        var text = new StringBuilder(size + 16384);
        var packetId = 1;
        while (text.Length < size)
        {
            for (var i = 0; i < 2048; i++) text.Append((char)('0' + random.Next(10))).Append('\n');
            var hex = Convert.ToHexString(RandomBytes(random, 2048 + random.Next(2048)));
            text.Append($"+MQTTPUBLISH: 0,1,0,{packetId},$dp,{hex.Length},{hex}\r\n");
            packetId = packetId % 65535 + 1;
        }
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static string JsonPayload(Random random)
    {
        var points = random.Next(1, 6);
        var json = new StringBuilder("{\"datastreams\":[");
        for (var i = 0; i < points; i++)
        {
            if (i > 0) json.Append(',');
            json.Append($"{{\"id\":\"s{i}\",\"datapoints\":[{{\"value\":{random.Next(1000)}}}]}}");
        }
        return json.Append("]}").ToString();
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
