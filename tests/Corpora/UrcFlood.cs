namespace Conformance.Corpora;

/// <summary>
/// A subscriber flooded with messages: back-to-back <c>+MQTTPUBLISH</c> URCs, inline and next-line forms,
/// QoS 0/1/2 (a QoS 2 one followed by its <c>+MQTTPUBREL</c>), JSON and text payloads of varied length
/// (inline text may hold CR LF, which msg_len covers), quoted and unquoted topics.
/// </summary>
internal static class UrcFlood
{
    private static readonly string[] Topics = ["\"dev/gsm/u\"", "dev/gsm/u", "\"sensors/7,8/temp\"", "sensors/7/temp", "\"$creq/4f1c\""];

    public static void Write(CorpusWriter w, int size)
    {
        var random = new Random(5312);
        var packetId = 1;
        while (w.Length < size)
        {
            packetId = packetId % 65535 + 1;
            var qos = random.Next(3);
            var id = qos == 0 ? 0 : packetId;
            var topic = Topics[random.Next(Topics.Length)];
            var inline = random.Next(2) == 0;
            var payload = random.Next(3) switch
            {
                0 => Payloads.Json(random),
                1 => Payloads.Text(random, random.Next(1, 12), lineBreaks: inline),
                _ => Payloads.Text(random, random.Next(40, 300), lineBreaks: inline),
            };
            var separator = inline ? "," : "\r\n";
            w.Write($"+MQTTPUBLISH: 0,{qos},0,{id},{topic},{payload.Length}{separator}{payload}\r\n");
            w.Count(publish: 1);
            if (qos == 2)
            {
                w.Write($"+MQTTPUBREL: 0,{id}\r\n");
                w.Count(urc: 1);
            }
        }
    }
}
