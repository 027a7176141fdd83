namespace Conformance.Corpora;

/// <summary>
/// A session as the module prints it: mostly QoS 1/2 handshakes and incoming publishes (both message
/// forms, JSON payloads), with signal reads, pings, errors and the odd blank line or echo.
/// </summary>
/// <remarks>The bytes must stay the same for a given size: the benchmark baseline was measured on them.</remarks>
internal static class TypicalSession
{
    public static void Write(CorpusWriter w, int size)
    {
        var random = new Random(5310);
        var packetId = 1;
        while (w.Length < size)
        {
            packetId = packetId % 65535 + 1;
            switch (random.Next(12))
            {
                case 0 or 1 or 2:
                    var payload = Payloads.Json(random);
                    if (random.Next(2) == 0)
                    {
                        w.Write($"\r\n+MQTTPUBLISH: 0,1,0,{packetId},\"dev/gsm/u\",{payload.Length},{payload}\r\n");
                        w.Count(publish: 1);
                    }
                    else
                    {
                        w.Write($"\r\n+MQTTPUBLISH: 0,2,0,{packetId},\"dev/gsm/u\",{payload.Length}\r\n{payload}\r\n+MQTTPUBREL: 0,{packetId}\r\n");
                        w.Count(publish: 1, urc: 1);
                    }
                    break;
                case 3 or 4:
                    w.Write($"\r\nOK\r\n\r\n+MQTTPUBACK: {packetId},0\r\n");
                    w.Count(final: 1, urc: 1);
                    break;
                case 5:
                    w.Write($"\r\nOK\r\n\r\n+MQTTPUBREC: 0,{packetId}\r\n\r\n+MQTTPUBCOMP: 0,{packetId}\r\n");
                    w.Count(final: 1, urc: 2);
                    break;
                case 6:
                    w.Write($"\r\n+CSQ: {random.Next(32)},99\r\n\r\nOK\r\n");
                    w.Count(info: 1, final: 1);
                    break;
                case 7:
                    w.Write($"\r\n+MQTTPINGRSP: OK\r\n");
                    w.Count(urc: 1);
                    break;
                case 8:
                    w.Write($"\r\n+CEREG: 0,{(random.Next(4) == 0 ? 5 : 1)}\r\n\r\nOK\r\n\r\n+CGATT: 1\r\n\r\nOK\r\n");
                    w.Count(info: 2, final: 2);
                    break;
                case 9:
                    w.Write($"AT+MQTTSUB=\"dev/{random.Next(100)}/cmd\",1\r\r\nOK\r\n+MQTTSUBACK: {packetId},1,\"dev/{random.Next(100)}/cmd\"\r\n");
                    w.Count(echo: 1, final: 1, urc: 1);
                    break;
                case 10:
                    w.Write($"\r\n+MQTTSTAT: 5\r\n\r\nOK\r\n\r\n+CME ERROR: {(random.Next(2) == 0 ? 601 : 3)}\r\n");
                    w.Count(info: 1, final: 2);
                    break;
                default:
                    w.Write($"\r\nOK\r\n\r\n+MQTTTO: 5\r\n+MQTTREC: 0\r\n\r\n+MQTTOPEN: OK\r\n");
                    w.Count(final: 1, urc: 3);
                    break;
            }
        }
    }
}
