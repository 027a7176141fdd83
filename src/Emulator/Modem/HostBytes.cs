using System.Text;
using Conformance.Protocol.Commands;

namespace Conformance.Emulator.Modem;

/// <summary>
/// Command lines as the module's firmware reads them: bytes, not UTF-8 text. A line is parsed one char per byte
/// (Latin-1), so only 0x22 is a quote (a pasted curly quote is part of the argument) and a text message goes out as
/// the bytes typed, GBK or anything else; names MQTT carries as UTF-8 (topics, ids) are turned back into UTF-8.
/// </summary>
internal static class HostBytes
{
    /// <summary>The line, one char per byte.</summary>
    public static string Read(ReadOnlySpan<byte> line) => Encoding.Latin1.GetString(line);

    /// <summary>The bytes the host typed for an argument read with <see cref="Read"/>.</summary>
    public static byte[] Of(string argument) => Encoding.Latin1.GetBytes(argument);

    /// <summary>
    /// The command with its names (host, client id, user, password, topics) as UTF-8 text; the messages (will-mesg,
    /// a text PUB message) stay one char per byte, for <see cref="Of"/>.
    /// </summary>
    public static AtCommand Names(AtCommand command) => command switch
    {
        MqttCfg c => c with { Host = Utf8(c.Host), Id = Utf8(c.Id), User = Utf8(c.User), Password = Utf8(c.Password) },
        MqttOpen o => o with { WillTopic = Utf8(o.WillTopic) },
        MqttSub s => s with { Topic = Utf8(s.Topic) },
        MqttUnsub u => u with { Topic = Utf8(u.Topic) },
        MqttPub p => p with { Topic = Utf8(p.Topic) },
        _ => command,
    };

    private static string Utf8(string argument) => Encoding.UTF8.GetString(Of(argument));
}
