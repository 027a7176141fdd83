using Conformance.Protocol.Codes;
using System.Text;
using System.Text.Unicode;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary>
/// <c>+MQTTPUBLISH: &lt;dup&gt;,&lt;qos&gt;,&lt;retained&gt;,&lt;packId&gt;,&lt;topic&gt;,&lt;msg_len&gt;,&lt;message&gt;</c>:
/// a message arrived on a subscribed topic (manual §1.11).
/// </summary>
/// <param name="Dup">The DUP flag, 0 or 1.</param>
/// <param name="Qos">The QoS the message was delivered with, 0..2.</param>
/// <param name="Retained">1 when the server delivered a retained message.</param>
/// <param name="PacketId">The PUBLISH packet id (0 for QoS 0).</param>
/// <param name="Topic">The topic the message was published on.</param>
/// <param name="Message">The message bytes exactly as received; they may hold commas, quotes, CR/LF or non-UTF-8 bytes.</param>
/// <remarks>
/// The manual shows the message both on the next line (§1.11 example) and inline after msg_len (§1.11 template),
/// so neither is a deviation. Equality compares the message content.
/// </remarks>
public sealed record MqttPublish(int Dup, int Qos, int Retained, int PacketId, string Topic, byte[] Message) : Urc
{
    /// <summary>The msg_len the module announces: the message's length in bytes.</summary>
    public int MessageLength => Message.Length;

    /// <summary>The message as text when it is valid UTF-8, otherwise null.</summary>
    public string? MessageText => Utf8.IsValid(Message) ? Encoding.UTF8.GetString(Message) : null;

    /// <summary>
    /// The manual's form puts the message on the next line after the header; the field's form puts it inline,
    /// raw, after msg_len.
    /// </summary>
    public override byte[] Encode(Dialect dialect)
    {
        var header = ResponseText.Line(Name, dialect, Arguments(dialect));
        var separator = dialect == Dialect.Manual ? "\r\n" : ",";
        return [.. ResponseText.Bytes(header + separator), .. Message];
    }

    /// <summary>The header up to and including msg_len; the message follows it.</summary>
    private protected override string Arguments(Dialect dialect) =>
        $"{Dup},{Qos},{Retained},{PacketId},{ResponseText.Topic(Topic, dialect)},{MessageLength}";

    public bool Equals(MqttPublish? other) =>
        other is not null && Dup == other.Dup && Qos == other.Qos && Retained == other.Retained &&
        PacketId == other.PacketId && Topic == other.Topic && Message.AsSpan().SequenceEqual(other.Message);

    public override int GetHashCode() => HashCode.Combine(Dup, Qos, Retained, PacketId, Topic, Message.Length);

    protected override bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Dup = {Dup}, Qos = {Qos}, Retained = {Retained}, PacketId = {PacketId}, Topic = {Topic}, ");
        builder.Append($"MessageLength = {MessageLength}, Message = {Convert.ToHexString(Message)}");
        return true;
    }

    /// <summary>
    /// Reads the header and takes the message from <paramref name="message"/> (cut out by the tokenizer using msg_len)
    /// or, when none is given, from the rest of the line. A message whose length differs from msg_len is kept as
    /// received and reported as <c>message-len-mismatch</c>: the analyzer needs the bytes to explain the fault.
    /// An inline message in quotes after a quoted topic is ML302's text form: the quotes are dropped and reported.
    /// </summary>
    /// <param name="reader">The header's reader.</param>
    /// <param name="message">The message bytes the tokenizer cut out; empty when the line holds them.</param>
    /// <param name="inline">True when those bytes followed msg_len on the header's line.</param>
    internal static MqttPublish Read(ResponseReader reader, ReadOnlySpan<byte> message, bool inline)
    {
        reader.Split("1.11", 6, 7, lastTakesRest: true);
        var dup = reader.Int(0, "dup", 0, 1);
        var qos = reader.Int(1, "qos", 0, 2);
        var retained = reader.Int(2, "retained", 0, 1);
        var packetId = reader.Int(3, "packId", 0, 65535);
        var topic = reader.Topic(4);
        if (reader.Has(6) && !message.IsEmpty)
            throw new ResponseFormatException("message given both inline and as separate bytes", reader.Position(6));
        var messageLength = reader.Int(5, "msg_len", 0, int.MaxValue);
        var bytes = reader.Has(6) ? InlineMessage(reader, messageLength) : message.ToArray();
        if (inline && bytes is [(byte)'"', .., (byte)'"'] && bytes.Length - 2 == messageLength)
        {
            // ML302 also quotes a text message without counting the quotes: msg_len is the text between them.
            reader.Deviate(CodeList.QuotedMessage, $"the message is in quotes that msg_len does not count, as ML302 firmware sends text; read as the {messageLength} bytes between them");
            bytes = bytes[1..^1];
        }
        else if (bytes.Length != messageLength)
            reader.Deviate(CodeList.MessageLengthMismatch, $"msg_len is {messageLength} but the message has {bytes.Length} bytes");
        else if ((inline || reader.Has(6)) && reader.IsQuoted(4) && bytes is [(byte)'"', .., (byte)'"'])
        {
            // ML302 quotes the topic and an inline text message, and counts the quotes in msg_len. The field
            // dialect of the M5310-A leaves the topic bare, so its raw messages are never mistaken for this.
            reader.Deviate(CodeList.QuotedMessage, $"the message is in quotes that msg_len counts, as ML302 firmware sends text; read as the {bytes.Length - 2} bytes between them");
            bytes = bytes[1..^1];
        }
        return new MqttPublish(dup, qos, retained, packetId, topic, bytes);
    }

    // The inline message is taken verbatim; quotes around it are dropped only when msg_len counts without them.
    private static byte[] InlineMessage(ResponseReader reader, int messageLength)
    {
        var raw = ResponseText.Bytes(reader.Rest(6));
        return raw.Length != messageLength && reader.IsQuoted(6) && raw.Length - 2 == messageLength ? raw[1..^1] : raw;
    }
}
