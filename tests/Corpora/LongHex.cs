using Conformance.Protocol.OneNet;

namespace Conformance.Corpora;

/// <summary>
/// OneNET binary data points (<c>$dp</c> type 2, 1–4 KB of content, so 2–8 KB of hex per line): incoming
/// <c>+MQTTPUBLISH</c> URCs, and the module's echo of the host's <c>AT+MQTTPUB</c> followed by OK and
/// <c>+MQTTPUBACK</c>.
/// </summary>
internal static class LongHex
{
    public static void Write(CorpusWriter w, int size)
    {
        var random = new Random(5313);
        // Slices of one block of random bytes: drawing every byte afresh would make generation slow.
        var block = Payloads.RandomBytes(random, 64 * 1024);
        var packetId = 1;
        while (w.Length < size)
        {
            packetId = packetId % 65535 + 1;
            var content = block.AsSpan(random.Next(block.Length - 4096), random.Next(1024, 4096 - 64)).ToArray();
            var dp = DpEncoder.Encode(BinaryDataPoint.Create("pic", null, content));
            var hex = DpHex.Format(dp);
            if (random.Next(2) == 0)
            {
                // Incoming: msg_len counts the hex characters as they arrive.
                w.Write($"\r\n+MQTTPUBLISH: 0,1,0,{packetId},$dp,{hex.Length},{hex}\r\n");
                w.Count(publish: 1);
            }
            else
            {
                // Outgoing in hex mode: message_len counts the bytes the hex stands for.
                w.Write($"AT+MQTTPUB=\"$dp\",1,0,0,{dp.Length},\"{hex}\"\r\r\nOK\r\n\r\n+MQTTPUBACK: {packetId},0\r\n");
                w.Count(echo: 1, final: 1, urc: 1);
            }
        }
    }
}
